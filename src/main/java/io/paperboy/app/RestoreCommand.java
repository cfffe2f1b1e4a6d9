package io.paperboy.app;

import io.paperboy.db.StoreTransfer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paperboy restore FILE}: a backup back into an empty store, checked table by table. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Load a backup written by 'paperboy backup' into an empty store (SQLite or PostgreSQL, whichever "
                + "the backup came from), check every table's row count and checksum, then upgrade it to this "
                + "version's schema. A store that holds anything is refused and left as it is.")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "FILE", description = "The backup file to read.")
    Path file;

    @Override
    public Integer call() throws Exception {
        StoreTransfer.Report report =
                StoreTransfer.restore(file, store.jdbcUrl(), store.access().password());
        StoreReport.print(System.err, "restored", report);
        if (Files.isDirectory(store.indexDir())) {
            System.err.println("note: " + store.indexDir() + " was built from another store; run 'paperboy reindex' "
                    + "with the same --data and --db before serving");
        } else {
            System.err.println("the search index is built from the store when the site starts (embeddings included)");
        }
        return 0;
    }
}
