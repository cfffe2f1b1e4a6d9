package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.ingest.ImportReport;
import io.paperboy.ingest.Importer;
import io.paperboy.ingest.Problem;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperboy import FILE…}: papers from snapshot, HF, export or seed files into the store. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import papers. Formats are recognised from content: the arXiv metadata snapshot "
                    + "(JSON lines), Hugging Face /api/daily_papers JSON, a Paperboy export, seed papers. "
                    + ".gz files are read as they are.",
            "Bad records are reported with file, line and reason; the good ones are kept. "
                    + "Exit code 0 only when nothing was rejected."
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--strict", description = "Check every file first; store nothing if any record is bad.")
    boolean strict;

    @Override
    public Integer call() {
        try (Database db = store.open()) {
            ImportReport report = run(db, files, strict, System.err);
            return report.success() ? 0 : 1;
        }
    }

    static ImportReport run(Database db, List<Path> files, boolean strict, PrintStream err) {
        Importer importer = new Importer(db, new PaperService(db), new ListingService(db), LocalDate.now())
                .onMessage(err::println)
                .onKeywords(io.paperboy.keyword.Keywords::storeImported);
        ImportReport report;
        long total = Importer.totalBytes(files);
        boolean large = total >= 64L << 20;
        try (ProgressDisplay ignored = new ProgressDisplay(
                "Importing",
                total,
                large ? "MiB" : "KiB",
                large ? 1 << 20 : 1 << 10,
                importer::bytesRead,
                () -> String.format(" %,d records", importer.recordsRead()))) {
            report = importer.run(files, strict);
        }
        printProblems(report, err);
        err.println(report.summary());
        return report;
    }

    private static void printProblems(ImportReport report, PrintStream err) {
        for (Problem problem : report.problems()) {
            err.println(problem);
        }
        if (report.rejected() > report.problems().size()) {
            err.printf(
                    "… and %,d more problems%n",
                    report.rejected() - report.problems().size());
        }
    }
}
