package io.paperboy.app;

import io.paperboy.db.StoreTransfer;
import java.io.PrintStream;

/** Prints what a backup, restore or migrate carried: one line per table, then the total. */
final class StoreReport {
    private StoreReport() {}

    static void print(PrintStream out, String what, StoreTransfer.Report report) {
        out.printf("%-24s %12s  %s%n", "table", "rows", "checksum (SHA-256 sum of rows)");
        report.tables().forEach((table, s) -> out.printf("%-24s %,12d  %s%n", table, s.rows(), s.checksum()));
        out.printf(
                "%s %,d rows in %d tables at schema version %s%n",
                what, report.rows(), report.tables().size(), report.schemaVersion());
    }
}
