package io.paperboy.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.paperboy.ingest.SnapshotLines;
import io.paperboy.paper.Paper;
import io.paperboy.search.Embedder;
import io.paperboy.search.IndexLoading;
import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Search speed on N synthetic arXiv papers (bench/SnapshotGenerator.java): builds the Lucene index
 * through {@link SearchIndex} as a rebuild does (pages without a refresh, one commit, a merge into
 * one segment), with a random unit vector of {@value Embedder#DIMENSION} dimensions per paper in
 * place of a model (none with {@code --no-vectors}, which then measures BM25 only), then runs one fixed,
 * seeded set of queries as BM25, vector and hybrid searches through {@link SearchService} (the
 * API's path, highlighting included), and the same queries on SQLite FTS5 and, given a JDBC URL,
 * PostgreSQL full-text search. Reports build rate and heap, p50/p99 latency for one client and
 * queries/s for 8 clients.
 *
 * <p>Run with PostgreSQL started and stopped for you (see docs/benchmarks.md):
 * <pre>bench/search-benchmark.sh [COUNT]</pre>
 * or {@code java -Xmx2g -cp … io.paperboy.bench.SearchSpeedBenchmark SNAPSHOT.jsonl [--count N]
 * [--queries 500] [--seed 1] [--pg JDBC_URL] [--work DIR] [--budget-s 120] [--text-only-build
 * [--build-only]] [--page 2000] [--no-merge] [--no-vectors] [--lucene-only]}. Queries:
 * {@link SpeedQueries}; timing: {@link QueryTimer}; the SQL engines: {@link SqlFullText}.
 */
public final class SearchSpeedBenchmark {
    static final int TOP = 10;

    private final QueryTimer timer;

    private SearchSpeedBenchmark(QueryTimer timer) {
        this.timer = timer;
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int count = Integer.parseInt(option(args, "--count", "1000000"));
        int queryCount = Integer.parseInt(option(args, "--queries", "500"));
        long seed = Long.parseLong(option(args, "--seed", "1"));
        String pgUrl = option(args, "--pg", null);
        double budget = Double.parseDouble(option(args, "--budget-s", "120"));
        Path work = Files.createDirectories(Path.of(option(args, "--work", "/tmp/paperboy-search-bench")));
        HeapPeak heap = HeapPeak.start();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, max heap %,d MB, %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version());
        List<String[]> queries = SpeedQueries.generate(input, Math.min(count, 20_000), queryCount, seed);
        System.out.printf(
                Locale.ROOT,
                "%d queries, e.g. %s%n",
                queries.size(),
                queries.stream().limit(6).map(SearchSpeedBenchmark::ours).toList());
        SearchSpeedBenchmark bench = new SearchSpeedBenchmark(new QueryTimer(queries, budget));
        if (List.of(args).contains("--text-only-build")) {
            bench.buildLucene(args, input, count, work.resolve("lucene-text"), false, seed, heap)
                    .close();
            if (List.of(args).contains("--build-only")) {
                System.exit(0);
            }
        }
        boolean vectors = !List.of(args).contains("--no-vectors");
        try (SearchIndex index = bench.buildLucene(args, input, count, work.resolve("lucene"), vectors, seed, heap)) {
            SearchService search = new SearchService(index, new Embedder(new RandomVectors()));
            for (Ranking ranking : vectors ? List.of(Ranking.values()) : List.of(Ranking.BM25)) {
                bench.timer.measure("Lucene " + ranking.name().toLowerCase(Locale.ROOT), () -> (words -> {
                    try {
                        return search.search(ours(words), TOP, ranking).hits().size();
                    } catch (InvalidQueryException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            System.out.printf(
                    Locale.ROOT,
                    "heap: peak %,d MB used over the run so far (-Xmx %,d MB)%n",
                    heap.peak() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        boolean luceneOnly = List.of(args).contains("--lucene-only");
        if (!luceneOnly) {
            SqlFullText.sqlite(bench.timer, input, count, work.resolve("fts5.db"));
        }
        if (pgUrl != null && !luceneOnly) {
            SqlFullText.postgres(bench.timer, input, count, pgUrl);
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT, "%-16s %8s %9s %9s %12s%n", "engine", "queries", "p50 ms", "p99 ms", "8 clients q/s");
        bench.timer.report().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "peak heap used: %,d MB%n", heap.peak() >> 20);
        System.exit(0);
    }

    // ---- Lucene ----

    private SearchIndex buildLucene(
            String[] args, Path input, int count, Path folder, boolean vectors, long seed, HeapPeak heap)
            throws Exception {
        deleteTree(folder);
        SearchIndex index = SearchIndex.open(folder);
        int page = Integer.parseInt(option(args, "--page", Integer.toString(IndexLoading.rebuildPageSize())));
        BlockingQueue<List<Object[]>> pages = new ArrayBlockingQueue<>(4);
        Thread reader =
                Thread.ofPlatform().name("parse").start(() -> readPages(input, count, page, vectors, seed, pages));
        long start = System.nanoTime();
        long inApply = 0;
        int done = 0;
        for (List<Object[]> batch; !(batch = pages.take()).isEmpty(); ) {
            List<Paper> papers = batch.stream().map(o -> (Paper) o[0]).toList();
            List<float[]> vs = vectors ? batch.stream().map(o -> (float[]) o[1]).toList() : null;
            long t = System.nanoTime();
            IndexLoading.add(index, papers, vs);
            inApply += System.nanoTime() - t;
            done += papers.size();
            if (done % 100_000 < page) {
                System.out.printf(Locale.ROOT, "  %,d papers, %.0f s%n", done, (System.nanoTime() - start) / 1e9);
            }
        }
        reader.join();
        long t = System.nanoTime();
        IndexLoading.commit(index);
        inApply += System.nanoTime() - t;
        double seconds = (System.nanoTime() - start) / 1e9;
        int segments = IndexLoading.segments(index);
        long mergeStart = System.nanoTime();
        boolean merge = !List.of(args).contains("--no-merge");
        if (merge) {
            IndexLoading.mergeSegments(index);
        }
        double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String line = String.format(
                Locale.ROOT,
                "Lucene build (%s): %,d papers in %.1f s = %,.0f papers/s (indexing alone %,.0f/s; pages of %d); "
                        + "%d segments%s; index %,d MB; heap peak %,d MB, live after GC %,d MB",
                vectors ? "text + random vectors" : "text only",
                done,
                seconds,
                done / seconds,
                done / (inApply / 1e9),
                page,
                segments,
                merge ? String.format(Locale.ROOT, ", merged into 1 in %.1f s", mergeSeconds) : " (not merged)",
                sizeMb(folder),
                heap.peak() >> 20,
                live >> 20);
        timer.note(line);
        return index;
    }

    /** Parses pages of papers (with a vector each) onto {@code pages}, then an empty page. */
    private static void readPages(
            Path input, int count, int page, boolean vectors, long seed, BlockingQueue<List<Object[]>> pages) {
        SnapshotLines parser = new SnapshotLines();
        Random random = new Random(seed);
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            List<Object[]> batch = new ArrayList<>(page);
            String line;
            for (int n = 0; n < count && (line = in.readLine()) != null; n++) {
                batch.add(new Object[] {parser.parse(line, n + 1), vectors ? unitVector(random) : null});
                if (batch.size() == page) {
                    pages.put(batch);
                    batch = new ArrayList<>(page);
                }
            }
            if (!batch.isEmpty()) {
                pages.put(batch);
            }
            pages.put(List.of());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] unitVector(Random random) {
        float[] v = new float[Embedder.DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** A stand-in for the model: a random unit vector per text, the same for the same text. */
    static final class RandomVectors implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> texts) {
            return Response.from(texts.stream()
                    .map(t -> Embedding.from(unitVector(new Random(t.text().hashCode()))))
                    .toList());
        }
    }

    private static String ours(String[] words) {
        return String.join(
                " ",
                Arrays.stream(words)
                        .map(w -> w.contains(" ") ? '"' + w + '"' : w)
                        .toList());
    }

    // ---- Helpers ----

    /** The largest heap occupancy seen, sampled every 20 ms by a daemon thread. */
    static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (true) {
                    h.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return h;
        }

        long peak() {
            return peak.get();
        }
    }

    private static long sizeMb(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                            .mapToLong(p -> p.toFile().length())
                            .sum()
                    >> 20;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        int i = List.of(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
