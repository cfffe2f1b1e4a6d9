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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Search speed on N synthetic arXiv papers (bench/SnapshotGenerator.java): builds the Lucene index
 * through {@link SearchIndex} (the follower's pages, with a random unit vector of
 * {@value Embedder#DIMENSION} dimensions per paper in place of a model), then runs one fixed,
 * seeded set of queries as BM25, vector and hybrid searches through {@link SearchService} (the
 * API's path, highlighting included), and the same queries on SQLite FTS5 and, given a JDBC URL,
 * PostgreSQL full-text search. Reports build rate and heap, p50/p99 latency for one client and
 * queries/s for 8 clients.
 *
 * <p>Run with PostgreSQL started and stopped for you (see docs/benchmarks.md):
 * <pre>bench/search-benchmark.sh [COUNT]</pre>
 * or {@code java -Xmx2g -cp … io.paperboy.bench.SearchSpeedBenchmark SNAPSHOT.jsonl [--count N]
 * [--queries 500] [--seed 1] [--pg JDBC_URL] [--work DIR] [--budget-s 120] [--text-only-build [--build-only]] [--page 500] [--lucene-only]}.
 */
public final class SearchSpeedBenchmark {
    private static final int TOP = 10;
    private static final int CLIENTS = 8;
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    private final List<String[]> queries; // each query's words; a phrase is one entry with a space
    private final double budgetSeconds;
    private final List<String> report = new ArrayList<>();

    private SearchSpeedBenchmark(List<String[]> queries, double budgetSeconds) {
        this.queries = queries;
        this.budgetSeconds = budgetSeconds;
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
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %,d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        List<String[]> queries = queries(input, Math.min(count, 20_000), queryCount, seed);
        System.out.printf(Locale.ROOT, "%d queries, e.g. %s%n", queries.size(),
                queries.stream().limit(6).map(q -> String.join(" | ", q)).toList());
        SearchSpeedBenchmark bench = new SearchSpeedBenchmark(queries, budget);
        if (List.of(args).contains("--text-only-build")) {
            bench.buildLucene(args, input, count, work.resolve("lucene-text"), false, seed, heap).close();
            if (List.of(args).contains("--build-only")) {
                System.exit(0);
            }
        }
        try (SearchIndex index = bench.buildLucene(args, input, count, work.resolve("lucene"), true, seed, heap)) {
            SearchService search = new SearchService(index, new Embedder(new RandomVectors()));
            for (Ranking ranking : Ranking.values()) {
                bench.measure("Lucene " + ranking.name().toLowerCase(Locale.ROOT), () -> (words -> {
                    try {
                        return search.search(ours(words), TOP, ranking).hits().size();
                    } catch (InvalidQueryException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            System.out.printf(Locale.ROOT, "heap: peak %,d MB used over the run so far (-Xmx %,d MB)%n",
                    heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        boolean luceneOnly = List.of(args).contains("--lucene-only");
        if (!luceneOnly) {
            bench.sqlite(input, count, work.resolve("fts5.db"));
        }
        if (pgUrl != null && !luceneOnly) {
            bench.postgres(input, count, pgUrl);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %8s %9s %9s %12s%n", "engine", "queries", "p50 ms", "p99 ms", "8 clients q/s");
        bench.report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "peak heap used: %,d MB%n", heap.peak() >> 20);
        System.exit(0);
    }

    // ---- Lucene ----

    private SearchIndex buildLucene(String[] args, Path input, int count, Path folder, boolean vectors, long seed, HeapPeak heap)
            throws Exception {
        deleteTree(folder);
        SearchIndex index = SearchIndex.open(folder);
        int page = Integer.parseInt(option(args, "--page", Integer.toString(IndexLoading.followerPageSize())));
        BlockingQueue<List<Object[]>> pages = new ArrayBlockingQueue<>(4);
        Thread reader = Thread.ofPlatform().name("parse").start(() -> readPages(input, count, page, vectors, seed, pages));
        long start = System.nanoTime();
        long inApply = 0;
        int done = 0;
        for (List<Object[]> batch; !(batch = pages.take()).isEmpty(); ) {
            List<Paper> papers = batch.stream().map(o -> (Paper) o[0]).toList();
            List<float[]> vs = vectors ? batch.stream().map(o -> (float[]) o[1]).toList() : null;
            long t = System.nanoTime();
            IndexLoading.apply(index, papers, vs);
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
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String line = String.format(Locale.ROOT,
                "Lucene build (%s): %,d papers in %.1f s = %,.0f papers/s (indexing alone %,.0f/s; pages of %d); "
                        + "index %,d MB; heap peak %,d MB, live after GC %,d MB",
                vectors ? "text + random vectors" : "text only", done, seconds, done / seconds, done / (inApply / 1e9),
                page, sizeMb(folder), heap.peak() >> 20, live >> 20);
        System.out.println(line);
        report.add("# " + line);
        return index;
    }

    /** Parses pages of papers (with a vector each) onto {@code pages}, then an empty page. */
    private static void readPages(Path input, int count, int page, boolean vectors, long seed,
            BlockingQueue<List<Object[]>> pages) {
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
                    .map(t -> Embedding.from(unitVector(new Random(t.text().hashCode())))).toList());
        }
    }

    private static String ours(String[] words) {
        return String.join(" ", Arrays.stream(words).map(w -> w.contains(" ") ? '"' + w + '"' : w).toList());
    }

    // ---- SQLite FTS5 ----

    private void sqlite(Path input, int count, Path file) throws Exception {
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE VIRTUAL TABLE t USING fts5(title, abstract, tokenize='porter')");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t(rowid, title, abstract) VALUES (?, ?, ?)")) {
                load(input, count, (n, p) -> {
                    insert.setLong(1, n);
                    insert.setString(2, p.title());
                    insert.setString(3, p.abstractText());
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                    }
                });
                insert.executeBatch();
            }
            c.commit();
            double loaded = (System.nanoTime() - start) / 1e9;
            s.execute("INSERT INTO t(t) VALUES('optimize')");
            c.commit();
            String line = String.format(Locale.ROOT, "SQLite FTS5 load: %,d papers in %.1f s (%,.0f/s), optimize %.1f s, %,d MB",
                    count, loaded, count / loaded, (System.nanoTime() - start) / 1e9 - loaded, Files.size(file) >> 20);
            System.out.println(line);
            report.add("# " + line);
        }
        measure("SQLite FTS5", () -> {
            Connection c = DriverManager.getConnection(url);
            PreparedStatement q = c.prepareStatement("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT " + TOP);
            return words -> {
                q.setString(1, String.join(" OR ", Arrays.stream(words).map(w -> '"' + w + '"').toList()));
                return countRows(q);
            };
        });
    }

    // ---- PostgreSQL ----

    private void postgres(Path input, int count, String url) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url + "&reWriteBatchedInserts=true"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS papers");
            // A stored tsvector column (the documentation's recommended layout): ts_rank reads it
            // instead of re-analysing every matching row.
            s.execute("CREATE TABLE papers (n integer PRIMARY KEY, title text, abstract text, "
                    + "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || abstract)) STORED)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO papers(n, title, abstract) VALUES (?, ?, ?)")) {
                load(input, count, (n, p) -> {
                    insert.setInt(1, n);
                    insert.setString(2, p.title());
                    insert.setString(3, p.abstractText());
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                });
                insert.executeBatch();
            }
            c.commit();
            double loaded = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("CREATE INDEX papers_tsv ON papers USING gin (tsv)");
            s.execute("VACUUM ANALYZE papers");
            String version;
            try (ResultSet r = s.executeQuery("SELECT version(), pg_total_relation_size('papers')")) {
                r.next();
                version = r.getString(1).replaceAll(" on .*", "") + ", " + (r.getLong(2) >> 20) + " MB";
            }
            String line = String.format(Locale.ROOT, "PostgreSQL load: %,d papers in %.1f s (%,.0f/s), GIN index + analyze %.1f s; %s",
                    count, loaded, count / loaded, (System.nanoTime() - start) / 1e9 - loaded, version);
            System.out.println(line);
            report.add("# " + line);
        }
        measure("PostgreSQL FTS", () -> {
            Connection c = DriverManager.getConnection(url);
            PreparedStatement q = c.prepareStatement("SELECT n FROM papers, websearch_to_tsquery('english', ?) q "
                    + "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT " + TOP);
            return words -> {
                q.setString(1, String.join(" or ", Arrays.stream(words).map(w -> w.contains(" ") ? '"' + w + '"' : w).toList()));
                return countRows(q);
            };
        });
    }

    private static int countRows(PreparedStatement q) throws SQLException {
        int rows = 0;
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Feeds the first {@code count} papers of the input to {@code sink}, numbered from 1. */
    private static void load(Path input, int count, PaperSink sink) throws Exception {
        SnapshotLines parser = new SnapshotLines();
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 1; n <= count && (line = in.readLine()) != null; n++) {
                sink.accept(n, parser.parse(line, n));
            }
        }
    }

    @FunctionalInterface
    interface PaperSink {
        void accept(int n, Paper p) throws Exception;
    }

    // ---- Measuring ----

    /** A query runner for one client thread; returns the number of hits. */
    @FunctionalInterface
    interface Client {
        int run(String[] words) throws Exception;
    }

    @FunctionalInterface
    interface ClientFactory {
        Client open() throws Exception;
    }

    /**
     * One client runs every query once to warm up (at most a tenth of the budget), then once timed
     * (p50, p99); then 8 clients share the list until it has been run once and at least 10 s have
     * passed (queries/s). Each phase stops at the time budget, and says how many queries it ran.
     */
    private void measure(String engine, ClientFactory clients) throws Exception {
        Client one = clients.open();
        long hits = 0;
        long warmEnd = System.nanoTime() + (long) (budgetSeconds * 1e8);
        for (int i = 0; i < queries.size() && System.nanoTime() < warmEnd; i++) {
            hits += one.run(queries.get(i));
        }
        long[] latencies = new long[queries.size()];
        int timed = 0;
        long end = System.nanoTime() + (long) (budgetSeconds * 1e9);
        for (; timed < queries.size() && System.nanoTime() < end; timed++) {
            long t = System.nanoTime();
            hits += one.run(queries.get(timed));
            latencies[timed] = System.nanoTime() - t;
        }
        long[] sorted = Arrays.copyOf(latencies, timed);
        Arrays.sort(sorted);
        double p50 = sorted[(int) (0.50 * (timed - 1))] / 1e6;
        double p99 = sorted[(int) Math.ceil(0.99 * (timed - 1))] / 1e6;

        AtomicLong next = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        long start = System.nanoTime();
        long minEnd = start + 10_000_000_000L;
        long maxEnd = start + (long) (budgetSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            Client client = t == 0 ? one : clients.open();
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (long i; ; ) {
                        long now = System.nanoTime();
                        i = next.get();
                        if (now > maxEnd || (i >= queries.size() && now > minEnd)) {
                            return;
                        }
                        i = next.getAndIncrement();
                        client.run(queries.get((int) (i % queries.size())));
                    }
                } catch (Exception e) {
                    failed.set(true);
                    e.printStackTrace();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get()) {
            throw new IllegalStateException(engine + ": a client failed");
        }
        long ran = next.get();
        String line = String.format(Locale.ROOT, "%-16s %8s %9.2f %9.2f %12.1f   (8 clients: %,d queries in %.1f s; %,d hits seen)",
                engine, timed == queries.size() ? Integer.toString(timed) : timed + "/" + queries.size(),
                p50, p99, ran / seconds, ran, seconds, hits);
        System.out.println(line);
        report.add(line);
    }

    // ---- Queries ----

    /**
     * {@code size} queries of 1-4 words, drawn by frequency from the words of the first
     * {@code sample} papers (stop words and the 50 most frequent words left out), one in ten a
     * two-word phrase from a title instead; the same seed gives the same queries.
     */
    static List<String[]> queries(Path input, int sample, int size, long seed) throws Exception {
        SnapshotLines parser = new SnapshotLines();
        Map<String, Integer> counts = new HashMap<>();
        List<String> titles = new ArrayList<>();
        try (Stream<String> lines = Files.lines(input)) {
            long[] n = {0};
            lines.limit(sample).forEach(line -> {
                Paper p = parser.parse(line, ++n[0]);
                titles.add(p.title());
                for (String w : words(p.title() + " " + p.abstractText())) {
                    counts.merge(w, 1, Integer::sum);
                }
            });
        }
        Set<?> stop = Set.copyOf(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream().map(Object::toString).toList());
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> vocabulary = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : ranked.subList(Math.min(50, ranked.size()), ranked.size())) {
            if (e.getKey().length() >= 3 && !stop.contains(e.getKey())) {
                vocabulary.add(e.getKey());
                cumulative.add(total += e.getValue());
            }
        }
        Random random = new Random(seed);
        Map<String, String[]> queries = new LinkedHashMap<>();
        while (queries.size() < size) {
            String[] q;
            if (random.nextInt(10) == 0) {
                List<String> words = words(titles.get(random.nextInt(titles.size())));
                if (words.size() < 2) {
                    continue;
                }
                int at = random.nextInt(words.size() - 1);
                q = new String[] {words.get(at) + " " + words.get(at + 1)};
            } else {
                q = new String[1 + random.nextInt(4)];
                for (int i = 0; i < q.length; i++) {
                    long pick = (long) (random.nextDouble() * total);
                    int at = java.util.Collections.binarySearch(cumulative, pick);
                    q[i] = vocabulary.get(at >= 0 ? Math.min(at + 1, vocabulary.size() - 1) : -at - 1);
                }
            }
            queries.putIfAbsent(String.join(" ", q), q);
        }
        return List.copyOf(queries.values());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[\\s,.;:()\\[\\]\"'!?]+")) {
            if (WORD.matcher(token).matches()) {
                words.add(token);
            }
        }
        return words;
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
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
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
