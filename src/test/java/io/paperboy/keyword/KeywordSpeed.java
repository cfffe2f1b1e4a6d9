package io.paperboy.keyword;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.EmbeddingWorker;
import io.paperboy.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Key phrases by meaning on the 114 seed papers, in papers per second: on a store where the
 * embedding worker has not stored the papers' vectors (each paper's text goes through the model
 * besides its candidate phrases, as every paper did before the stored vectors were reused) and on
 * one where it has (only the candidates do). One warm-up pass first; then both, twice, interleaved,
 * so a change of the machine's load shows as disagreement.
 *
 * <p>Run (docs/keywords.md, "Speed"): {@code java --enable-native-access=ALL-UNNAMED -cp
 * target/test-classes:target/classes:$(cat /tmp/cp.txt) io.paperboy.keyword.KeywordSpeed [N]}: the first N seed
 * papers (all 114 by default).
 */
public final class KeywordSpeed {
    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        Embedder embedder = new Embedder();
        Path dir = Files.createTempDirectory("keyword-speed");
        System.out.printf(
                Locale.ROOT,
                "%d cores, load %s%n",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        measure("warm-up, vectors not stored", dir.resolve("w"), embedder, false, limit);
        for (int round = 1; round <= 2; round++) {
            measure("vectors not stored (paper embedded)", dir.resolve("a" + round), embedder, false, limit);
            measure("vectors stored (phrases only)", dir.resolve("b" + round), embedder, true, limit);
        }
        System.exit(0);
    }

    private static void measure(String label, Path dir, Embedder embedder, boolean storedVectors, int limit)
            throws Exception {
        Files.createDirectories(dir);
        Path seed = Samples.copy(Samples.SEED, dir);
        List<String> lines = Files.readAllLines(seed);
        Files.write(seed, lines.subList(0, Math.min(limit, lines.size())));
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            PaperService papers = new PaperService(db);
            new Importer(db, papers, new ListingService(db), LocalDate.of(2026, 12, 6)).run(List.of(seed), false);
            if (storedVectors) {
                new EmbeddingWorker(papers, new EmbeddingStore(db, embedder.name()), null, embedder, "bench")
                        .embedPending();
            }
            long start = System.nanoTime();
            int done = new KeywordWorker(db, papers, embedder, "node-a").computePending();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT, "%-40s %4d papers in %6.2f s: %6.1f papers/s%n", label, done, seconds, done / seconds);
        }
    }
}
