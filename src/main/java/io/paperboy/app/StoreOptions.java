package io.paperboy.app;

import io.paperboy.db.Database;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the store lives: {@code --data DIR} and {@code --db URL}, shared by every command. */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder (SQLite file, index, mail). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the store. Default: an SQLite file in the data folder; "
                    + "a jdbc:postgresql://HOST/DB?user=…&password=… URL selects PostgreSQL.")
    String dbUrl;

    @Option(names = "--db-pool-size", paramLabel = "N",
            description = "Connections this process keeps to PostgreSQL at most (default " + Database.DEFAULT_POOL_SIZE
                    + "). Every node and command run counts against PostgreSQL's max_connections (100 by default): "
                    + "see docs/operations.md on PgBouncer.")
    Integer poolSize;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Read the store's password from this file's first line. Or set PAPERBOY_DB_PASSWORD. "
                    + "There is no option for the password itself: a command line is visible to every user of the machine.")
    Path passwordFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String jdbcUrl() {
        return dbUrl != null ? dbUrl : Database.sqliteUrl(dataDir.resolve("paperboy.db"));
    }

    /** The search index's folder: {@code DIR/index}. */
    Path indexDir() {
        return dataDir.resolve("index");
    }

    Database open() {
        return Database.open(jdbcUrl(), null, access());
    }

    Database.Access access() {
        return new Database.Access(poolSize, environment().secret("PAPERBOY_DB_PASSWORD", passwordFile));
    }

    private EnvironmentDefaults environment() {
        return spec.commandLine().getDefaultValueProvider() instanceof EnvironmentDefaults env ? env
                : new EnvironmentDefaults(System.getenv());
    }
}
