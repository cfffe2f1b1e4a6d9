package io.paperboy.app;

import io.paperboy.db.StoreSchema;
import io.paperboy.db.StoreTransfer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paperboy backup FILE}: a consistent snapshot of the whole store, taken while the site serves. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write a consistent snapshot of every table of the store to FILE (gzip-compressed JSON lines), "
                + "while the site keeps serving. Left out: sessions, mail_tokens and throttle_buckets (see "
                + "docs/operations.md). 'paperboy restore FILE' brings it back into an empty store of either kind.")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(
            paramLabel = "FILE",
            description = "The backup file to write (replaced if it exists, only once complete).")
    Path file;

    @Override
    public Integer call() throws Exception {
        StoreTransfer.Report report =
                StoreTransfer.backup(store.jdbcUrl(), store.access().password(), file);
        StoreReport.print(System.err, "backed up", report);
        System.err.println("left out: " + String.join(", ", new java.util.TreeSet<>(StoreSchema.EXCLUDED.keySet()))
                + "; wrote " + file);
        return 0;
    }
}
