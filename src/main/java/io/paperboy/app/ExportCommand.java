package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.ingest.Exporter;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paperboy export [FILE]}: every paper and listing entry as JSON lines. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export every paper with its listing entries as JSON lines, to FILE (gzip when it ends "
                + "in .gz) or standard output. 'paperboy import' reads it back with no loss.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Output file; standard output when absent.")
    Path file;

    @Override
    public Integer call() throws IOException {
        try (Database db = store.open()) {
            PaperService papers = new PaperService(db);
            Exporter exporter = new Exporter(papers, new ListingService(db));
            if (file == null) {
                exporter.export(System.out);
                return 0;
            }
            exportToFile(exporter, papers.count());
            System.err.printf("exported %,d papers to %s%n", exporter.written(), file);
            return 0;
        }
    }

    // Written beside the target and moved into place, so a failed export never leaves half a file.
    private void exportToFile(Exporter exporter, long total) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (ProgressDisplay ignored =
                        new ProgressDisplay("Exporting", total, " papers", 1, exporter::written, () -> "");
                OutputStream out = open(partial)) {
            exporter.export(out);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private OutputStream open(Path target) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }
}
