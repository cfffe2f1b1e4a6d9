package io.paperboy.search;

import io.paperboy.ingest.SnapshotLines;
import io.paperboy.paper.Paper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times single queries on a text index (on disk, as served) of the first N synthetic papers, with and without
 * highlighting, to explain a speed benchmark's tail. Run: {@code java -cp … io.paperboy.search.QueryProbe
 * SNAPSHOT.jsonl N "query" "query" …}.
 */
public final class QueryProbe {
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        Path folder = Files.createTempDirectory("query-probe");
        try (SearchIndex index = SearchIndex.open(folder)) {
            SnapshotLines parser = new SnapshotLines();
            List<Paper> page = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                String line;
                for (int n = 0; n < count && (line = in.readLine()) != null; n++) {
                    page.add(parser.parse(line, n + 1));
                    if (page.size() == 2000) {
                        index.add(page, null);
                        page.clear();
                    }
                }
            }
            index.add(page, null);
            index.mergeSegments();
            SearchService search = new SearchService(index);
            for (int round = 0; round < 2; round++) {
                for (int i = 2; i < args.length; i++) {
                    String q = args[i];
                    double[] withHighlights = time(() -> search.search(q, 10));
                    double[] idsOnly = time(() -> search.ids(q, 10));
                    System.out.printf(
                            "%-40s highlighted p50 %6.2f ms max %6.2f | ids only p50 %6.2f ms max %6.2f%n",
                            q, withHighlights[0], withHighlights[1], idsOnly[0], idsOnly[1]);
                }
            }
        }
    }

    private interface Search {
        Object run() throws Exception;
    }

    private static double[] time(Search s) throws Exception {
        long[] ns = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t = System.nanoTime();
            s.run();
            ns[r] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return new double[] {ns[RUNS / 2] / 1e6, ns[RUNS - 1] / 1e6};
    }
}
