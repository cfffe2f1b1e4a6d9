import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import io.paperboy.vote.VoteService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Members voting in a loop through VoteService while the store is idle, then while
 * `./paperboy import` of a snapshot file runs in another process on the same store; prints each
 * phase's vote latencies (p50, p99, max). Run by bench/vote-benchmark.sh:
 *
 *   java -cp target/paperboy.jar bench/VoteLoad.java JDBC-URL SNAPSHOT-FILE [IDLE-SECONDS] [VOTERS] [PAUSE-MS]
 *
 * Each voter is a member of its own (rows inserted here) who toggles its upvote on a random
 * featured paper, pausing PAUSE-MS between votes, as a person clicking would not saturate the store.
 */
public class VoteLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path snapshot = Path.of(args[1]);
        int idleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int voters = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int pauseMs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        Database db = Database.open(url);
        PaperService papers = new PaperService(db);
        VoteService votes = new VoteService(db, papers, Clock.systemUTC());
        List<String> featured = db.withHandle(h -> h.createQuery("SELECT DISTINCT paper_id FROM listings ORDER BY paper_id LIMIT 60")
                .mapTo(String.class).list());
        long[] members = new long[voters];
        for (int i = 0; i < voters; i++) {
            String name = "voter" + i;
            members[i] = db.withHandle(h -> h.createQuery("INSERT INTO users (email, name, display_name, password_hash, role, "
                            + "verified_at, created_at) VALUES (:e, :n, :n, 'x', 'member', :t, :t) RETURNING id")
                    .bind("e", name + "@bench.invalid").bind("n", name).bind("t", Instant.now().toString())
                    .mapTo(Long.class).one());
        }
        System.out.printf("store: %s; %d featured papers; %d voters, %d ms between votes%n",
                db.dialect(), featured.size(), voters, pauseMs);
        run("warm-up", 5, null, votes, members, featured, pauseMs);
        run("idle", idleSeconds, null, votes, members, featured, pauseMs);
        Process importer = new ProcessBuilder("./paperboy", "import", "--db", url, snapshot.toString())
                .redirectErrorStream(true).redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "vote-bench-import.log").toFile())
                .start();
        run("during import", 0, importer, votes, members, featured, pauseMs);
        if (importer.exitValue() != 0) {
            throw new IllegalStateException("the import failed (exit " + importer.exitValue() + "), see vote-bench-import.log");
        }
        long stored = db.withHandle(h -> h.createQuery("SELECT count(*) FROM papers").mapTo(Long.class).one());
        System.out.printf("papers in the store after the import: %d%n", stored);
    }

    /** Votes for {@code seconds}, or until {@code until} exits; prints one line unless warming up. */
    static void run(String phase, int seconds, Process until, VoteService votes, long[] members, List<String> featured,
            int pauseMs) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perVoter = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[members.length];
        long start = System.nanoTime();
        for (int i = 0; i < members.length; i++) {
            long[] latencies = new long[200_000];
            perVoter.add(latencies);
            int voter = i;
            threads.add(Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get() && counts[voter] < latencies.length) {
                    String paper = featured.get(random.nextInt(featured.size()));
                    long t0 = System.nanoTime();
                    if (votes.upvote(members[voter], paper).map(s -> !s.changed()).orElse(false)) {
                        votes.removeUpvote(members[voter], paper);
                    }
                    latencies[counts[voter]++] = System.nanoTime() - t0;
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        if (until != null) {
            until.waitFor();
        } else {
            Thread.sleep(seconds * 1000L);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (phase.equals("warm-up")) {
            return;
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int k = 0;
        for (int i = 0; i < members.length; i++) {
            System.arraycopy(perVoter.get(i), 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        System.out.printf("%-14s %6.1f s %7d votes %7.1f votes/s  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n", phase, wall,
                all.length, all.length / wall, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
