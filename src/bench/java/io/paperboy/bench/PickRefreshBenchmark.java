package io.paperboy.bench;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What refreshing a member's "for you" picks costs: the first view of {@code /papers/for-you}
 * after a member's likes changed ranks them again (candidates by nearest neighbours, the linear
 * classifier, stored); the second only reads the stored picks. The difference is the refresh.
 * Real server, real BGE-small embeddings of the ~350 sample papers, M members each upvoting 3-8
 * random papers through the site.
 *
 * <p>{@code bench/pick-refresh-benchmark.sh [--members 30] [--seed 1]}.
 */
public final class PickRefreshBenchmark {
    public static void main(String[] args) throws Exception {
        int members = Integer.parseInt(option(args, "--members", "30"));
        Random random = new Random(Long.parseLong(option(args, "--seed", "1")));
        Path dir = Files.createTempDirectory("paperboy-pick-refresh");
        try (TestServer server = TestServer.withEmbeddings(dir)) {
            List<String> ids = server.db()
                    .withHandle(h -> h.createQuery("SELECT id FROM papers ORDER BY id")
                            .mapTo(String.class)
                            .list());
            List<Double> refresh = new ArrayList<>();
            List<Double> stored = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                WebSession member = server.browser().signUpConfirmed("bench" + m);
                for (int v = 3 + random.nextInt(6); v > 0; v--) {
                    member.post(
                            "/papers/" + ids.get(random.nextInt(ids.size())) + "/upvote", Map.of("action", "upvote"));
                }
                refresh.add(timeMs(member));
                stored.add(timeMs(member));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d members, %d papers: first view (ranks again) median %.0f ms, p90 %.0f ms; "
                            + "next view (stored picks) median %.0f ms, p90 %.0f ms%n",
                    members,
                    ids.size(),
                    percentile(refresh, 50),
                    percentile(refresh, 90),
                    percentile(stored, 50),
                    percentile(stored, 90));
        }
    }

    private static double timeMs(WebSession member) throws Exception {
        long start = System.nanoTime();
        if (member.get("/papers/for-you").statusCode() != 200) {
            throw new IllegalStateException("the for-you page failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
