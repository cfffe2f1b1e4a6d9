package io.paperboy.app;

import io.paperboy.db.StoreTransfer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy migrate --to URL}: the whole store copied into another, empty store (SQLite ⇄ PostgreSQL). */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Copy every table of the store (--data / --db) into the empty store at --to, e.g. from SQLite to "
                + "PostgreSQL or back, and check each table's row count and checksum. The target must be empty. "
                + "Stop the site first: writes after the copy starts are not carried.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "URL",
            description = "JDBC URL of the empty target store: jdbc:postgresql://HOST/DB?user=NAME (its password: "
                    + "PAPERBOY_TO_PASSWORD or --to-password-file) or jdbc:sqlite:FILE")
    String to;

    @Option(
            names = "--to-password-file",
            paramLabel = "FILE",
            description = "Read the target store's password from this file's first line. Or set PAPERBOY_TO_PASSWORD. "
                    + "(The source's: PAPERBOY_DB_PASSWORD or --db-password-file.)")
    java.nio.file.Path toPasswordFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StoreOptions.refusePasswordOnCommandLine(spec, "--to", to, "PAPERBOY_TO_PASSWORD or --to-password-file");
        String toPassword = store.environment().secret("PAPERBOY_TO_PASSWORD", toPasswordFile);
        StoreTransfer.Report report =
                StoreTransfer.migrate(store.jdbcUrl(), store.access().password(), to, toPassword);
        StoreReport.print(System.err, "copied", report);
        System.err.println("the search index in " + store.indexDir() + " (embeddings included) stays valid for the new "
                + "store, whose change numbers are the same: serve with --db set to the new URL and the same --data");
        return 0;
    }
}
