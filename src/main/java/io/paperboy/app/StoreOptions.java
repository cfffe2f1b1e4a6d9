package io.paperboy.app;

import io.paperboy.db.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the store lives: {@code --data DIR} and {@code --db URL}, shared by every command. */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Data folder (SQLite file, index, mail). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the store. Default: an SQLite file in the data folder; "
                    + "a jdbc:postgresql://HOST/DB?user=…&password=… URL selects PostgreSQL.")
    String dbUrl;

    String jdbcUrl() {
        return dbUrl != null ? dbUrl : Database.sqliteUrl(dataDir.resolve("paperboy.db"));
    }

    /** The search index's folder: {@code DIR/index}. */
    Path indexDir() {
        return dataDir.resolve("index");
    }

    Database open() {
        return Database.open(jdbcUrl());
    }
}
