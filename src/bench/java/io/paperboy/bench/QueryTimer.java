package io.paperboy.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Times one fixed list of queries on each engine of the speed benchmark, and keeps the report's lines. */
final class QueryTimer {
    static final int CLIENTS = 8;
    private static final int SLOWEST_SHOWN = 8;

    private final List<String[]> queries; // each query's words; a phrase is one entry with a space
    private final double budgetSeconds;
    private final List<String> report = new ArrayList<>();

    QueryTimer(List<String[]> queries, double budgetSeconds) {
        this.queries = queries;
        this.budgetSeconds = budgetSeconds;
    }

    /** Prints {@code line} now and keeps it, marked as a note, for the final report. */
    void note(String line) {
        System.out.println(line);
        report.add("# " + line);
    }

    List<String> report() {
        return report;
    }

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
    void measure(String engine, ClientFactory clients) throws Exception {
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
        printSlowest(engine, latencies, timed);
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
        String line = String.format(
                Locale.ROOT,
                "%-16s %8s %9.2f %9.2f %12.1f   (8 clients: %,d queries in %.1f s; %,d hits seen)",
                engine,
                timed == queries.size() ? Integer.toString(timed) : timed + "/" + queries.size(),
                p50,
                p99,
                ran / seconds,
                ran,
                seconds,
                hits);
        System.out.println(line);
        report.add(line);
    }

    /** The queries that make the tail, so a p99 can be explained rather than guessed at. */
    private void printSlowest(String engine, long[] latencies, int timed) {
        Integer[] order = new Integer[timed];
        for (int i = 0; i < timed; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        StringBuilder slowest = new StringBuilder(engine + ", slowest:");
        for (int i = 0; i < Math.min(SLOWEST_SHOWN, timed); i++) {
            slowest.append(String.format(
                    Locale.ROOT,
                    " [%s] %.1f ms;",
                    String.join(" | ", queries.get(order[i])),
                    latencies[order[i]] / 1e6));
        }
        System.out.println(slowest);
    }
}
