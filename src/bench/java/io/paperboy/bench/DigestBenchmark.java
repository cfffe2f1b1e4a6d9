package io.paperboy.bench;

import io.paperboy.db.Database;
import io.paperboy.db.Timestamps;
import io.paperboy.digest.DigestService;
import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.Likes;
import io.paperboy.foryou.ReadingList;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.Mail;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.PaperVectors;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.testing.MailServer;
import io.paperboy.vote.VoteService;
import io.paperboy.web.SiteUrl;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Digest composition for N synthetic subscribers (default 100,000) and SMTP delivery to a local
 * GreenMail. The store (SQLite) holds P synthetic papers published on the day the digests cover,
 * some of them featured with votes; each subscriber follows 0-3 saved searches, 0-3 authors and
 * 0-2 categories drawn from Zipf-distributed pools, as real interests cluster. M percent of them
 * (default 20) are members with 3 upvotes and 30 stored "for you" picks (computed 1 hour before
 * the run, from those very upvotes: the run's refresh pass checks every member and ranks none
 * again, as on a day when few members liked something new). Composition is the
 * dry run of {@link DigestService#composeDue}: every due digest built, rendered as HTML and text,
 * nothing queued or sent. Delivery is {@link DigestService#run} (outbox rows, SMTP, commits) for
 * D subscribers of a second store, one SMTP connection per mail as the SmtpMailer does.
 *
 * <p>{@code bench/digest-benchmark.sh [N]} or {@code java -cp … io.paperboy.bench.DigestBenchmark
 * [--subscribers 100000] [--papers 20000] [--deliver 2000] [--members 20] [--seed 1] [--work DIR]}.
 */
public final class DigestBenchmark {
    static final Instant NOW = Instant.parse("2026-11-30T08:30:00Z");
    static final LocalDate COVERED = LocalDate.parse("2026-11-29");
    static final SiteUrl SITE = new SiteUrl("https://papers.example.org");
    private static final String[] WORDS = ("diffusion transformer attention protein folding graph neural network "
                    + "reinforcement learning language model retrieval sparse quantization robot vision speech benchmark "
                    + "alignment reasoning agent tokenizer contrastive kernel bayesian causal federated privacy compiler "
                    + "quantum lattice topology galaxy climate molecule catalyst")
            .split(" ");
    private static final String[] CATEGORIES = ("cs.LG cs.CL cs.CV cs.AI cs.RO cs.IR cs.CR cs.DC cs.PL stat.ML "
                    + "math.OC math.PR q-bio.BM physics.comp-ph astro-ph.GA quant-ph cond-mat.mtrl-sci eess.AS eess.IV "
                    + "econ.EM")
            .split(" ");

    private static int membersPercent;

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(option(args, "--subscribers", "100000"));
        int paperCount = Integer.parseInt(option(args, "--papers", "20000"));
        int deliver = Integer.parseInt(option(args, "--deliver", "2000"));
        long seed = Long.parseLong(option(args, "--seed", "1"));
        membersPercent = Integer.parseInt(option(args, "--members", "20"));
        Path work = Path.of(option(
                args,
                "--work",
                Files.createTempDirectory("paperboy-digest-bench").toString()));
        System.out.printf(
                "digest benchmark: %,d subscribers (%d%% members with picks), %,d papers, %,d delivered; "
                        + "%d cores, heap %d MB%n",
                subscribers,
                membersPercent,
                paperCount,
                deliver,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        compose(work.resolve("compose.db"), subscribers, paperCount, new Random(seed));
        delivery(work.resolve("deliver.db"), deliver, Math.min(paperCount, 2000), new Random(seed));
    }

    private static void compose(Path file, int subscribers, int paperCount, Random random) throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(file));
                SearchIndex index = SearchIndex.inMemory()) {
            DigestService digests = setUp(db, index, subscribers, paperCount, random, null);
            List<Long> members = db.withHandle(
                    h -> h.createQuery("SELECT id FROM users").mapTo(Long.class).list());
            long refreshStart = System.nanoTime();
            int ranked = forYou(db, index).refresh(members, NOW);
            System.out.printf(
                    Locale.ROOT,
                    "refresh pass alone: %,d members checked in %.1f s, %d ranked again%n",
                    members.size(),
                    (System.nanoTime() - refreshStart) / 1e9,
                    ranked);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            AtomicLong bytes = new AtomicLong();
            AtomicLong items = new AtomicLong();
            AtomicLong personal = new AtomicLong();
            int composed = digests.composeDue(NOW, null, mail -> {
                bytes.addAndGet(mail.html().length() + mail.text().length());
                items.addAndGet(mail.text()
                        .lines()
                        .filter(l -> l.startsWith("   Paper: "))
                        .count());
                personal.addAndGet(mail.text().contains("\n== For you ==\n") ? 1 : 0);
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "compose: %,d digests in %.1f s (%,.0f digests/s), %.1f CPU-seconds (all "
                            + "threads, GC included), %.1f items and %.1f KB per digest, %,d with a For you section "
                            + "(refresh pass included), heap used %d MB%n",
                    composed,
                    seconds,
                    composed / seconds,
                    cpu,
                    items.get() / (double) composed,
                    bytes.get() / 1024.0 / composed,
                    personal.get(),
                    usedHeapMb());
        }
    }

    private static void delivery(Path file, int count, int paperCount, Random random) throws Exception {
        try (Database db = Database.open(Database.sqliteUrl(file));
                SearchIndex index = SearchIndex.inMemory();
                MailServer smtp = new MailServer()) {
            DigestService digests = setUp(db, index, count, paperCount, random, smtp);
            long start = System.nanoTime();
            DigestService.RunReport report = digests.run(NOW, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "deliver: %,d digests to GreenMail in %.1f s (%,.0f mails/s; queued %,d, " + "received %,d)%n",
                    report.sent(),
                    seconds,
                    report.sent() / seconds,
                    report.queued(),
                    smtp.received().size());
        }
    }

    private static DigestService setUp(
            Database db, SearchIndex index, int subscribers, int paperCount, Random random, MailServer smtp) {
        long start = System.nanoTime();
        PaperService papers = new PaperService(db);
        ListingService listings = new ListingService(db, papers);
        List<String> authors = storePapers(db, papers, listings, paperCount, random);
        new IndexFollower(papers, index).catchUp();
        storeSubscribers(db, subscribers, authors, random);
        storeMembers(db, subscribers, paperCount, random);
        System.out.printf(
                Locale.ROOT,
                "set-up: %,d papers indexed, %,d subscribers stored in %.1f s%n",
                paperCount,
                subscribers,
                (System.nanoTime() - start) / 1e9);
        var mailer = smtp != null
                ? smtp.mailer()
                : new io.paperboy.mail.Mailer() {
                    @Override
                    public void send(Mail mail) {
                        throw new IllegalStateException("composition only");
                    }

                    @Override
                    public String describe() {
                        return "nowhere";
                    }
                };
        return new DigestService(db, listings, papers, new SearchService(index), mailer, SITE, forYou(db, index));
    }

    // The index has no embeddings, so a member whose picks were stale would keep them (see ForYou.refresh).
    private static ForYou forYou(Database db, SearchIndex index) {
        PaperService papers = new PaperService(db);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new ForYou(
                db,
                papers,
                new PaperVectors(index),
                new VoteService(db, papers, clock)::upvotedPaperIds,
                new ReadingList(db, papers, clock),
                clock);
    }

    private static List<String> storePapers(
            Database db, PaperService papers, ListingService listings, int count, Random random) {
        List<String> authorPool = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            authorPool.add("Author" + i + " Surname" + (i * 7919 % 1000));
        }
        List<Paper> batch = new ArrayList<>();
        List<ListingEntry> featured = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("2611.%05d", i + 1);
            String title = word(random) + " " + word(random) + " for " + word(random) + " " + word(random);
            batch.add(Paper.builder(id, title)
                    .abstractText(
                            ("We study " + title + " with " + word(random) + " and " + word(random) + ". ").repeat(6))
                    .authors(List.of(
                            authorPool.get(zipf(random, authorPool.size())),
                            authorPool.get(random.nextInt(authorPool.size()))))
                    .categories(List.of(CATEGORIES[zipf(random, CATEGORIES.length)]))
                    .published(COVERED.minusDays(random.nextInt(3)))
                    .build());
            if (i % 50 == 0) {
                featured.add(new ListingEntry(
                        id, COVERED.minusDays(random.nextInt(7)), "bench", random.nextInt(200), "bench"));
            }
            if (batch.size() == 1000 || i == count - 1) {
                List<Paper> page = List.copyOf(batch);
                db.useTransaction(h -> papers.store(h, page));
                batch.clear();
            }
        }
        db.useTransaction(h -> listings.store(h, featured));
        return authorPool;
    }

    // A generator's bulk insert into the digest tables (the service adds one subscriber per transaction).
    private static void storeSubscribers(Database db, int count, List<String> authors, Random random) {
        for (int start = 0; start < count; start += 5000) {
            int from = start;
            int to = Math.min(count, from + 5000);
            db.useTransaction(h -> {
                PreparedBatch subs =
                        h.prepareBatch("INSERT INTO digest_subscriptions (id, email, frequency, send_hour, "
                                + "time_zone, status, created_at, confirmed_at, updated_at) VALUES (:id, :email, :frequency, "
                                + ":hour, :zone, 'active', :at, :at, :at)");
                PreparedBatch interests = h.prepareBatch("INSERT INTO digest_interests (subscription_id, kind, value, "
                        + "position) VALUES (:id, :kind, :value, :position) ON CONFLICT DO NOTHING");
                for (int i = from; i < to; i++) {
                    long id = i + 1;
                    boolean weekly = random.nextInt(4) == 0;
                    subs.bind("id", id)
                            .bind("email", "reader" + id + "@example.org")
                            .bind("frequency", weekly ? "weekly" : "daily")
                            .bind("hour", random.nextInt(9))
                            .bind("zone", random.nextBoolean() ? "UTC" : "Europe/Paris")
                            .bind("at", "2026-11-01T00:00:00Z")
                            .add();
                    int position = 0;
                    for (int s = random.nextInt(4); s > 0; s--) {
                        interests
                                .bind("id", id)
                                .bind("kind", "search")
                                .bind(
                                        "value",
                                        WORDS[zipf(random, WORDS.length)] + " " + WORDS[zipf(random, WORDS.length)])
                                .bind("position", position++)
                                .add();
                    }
                    for (int a = random.nextInt(4); a > 0; a--) {
                        interests
                                .bind("id", id)
                                .bind("kind", "author")
                                .bind("value", authors.get(zipf(random, authors.size())))
                                .bind("position", position++)
                                .add();
                    }
                    for (int c = random.nextInt(3); c > 0; c--) {
                        interests
                                .bind("id", id)
                                .bind("kind", "category")
                                .bind("value", CATEGORIES[zipf(random, CATEGORIES.length)].toLowerCase(Locale.ROOT))
                                .bind("position", position++)
                                .add();
                    }
                }
                subs.execute();
                if (interests.size() > 0) {
                    interests.execute();
                }
            });
        }
    }

    // Every k-th subscriber becomes a member: an account, 3 upvotes and the picks they would give.
    private static void storeMembers(Database db, int subscribers, int paperCount, Random random) {
        if (membersPercent <= 0) {
            return;
        }
        int every = Math.max(1, 100 / membersPercent);
        String at = "2026-11-01T00:00:00Z";
        String computed = Timestamps.stamp(NOW.minus(Duration.ofHours(1)));
        for (int start = 0; start < subscribers; start += 5000) {
            int from = start;
            int to = Math.min(subscribers, from + 5000);
            db.useTransaction(h -> {
                PreparedBatch users = h.prepareBatch("INSERT INTO users (id, email, name, display_name, password_hash, "
                        + "verified_at, created_at) VALUES (:id, :email, :name, :name, 'x', :at, :at)");
                PreparedBatch owners = h.prepareBatch("UPDATE digest_subscriptions SET user_id = :id WHERE id = :id");
                PreparedBatch votes =
                        h.prepareBatch("INSERT INTO votes (user_id, paper_id, created_at) VALUES (:id, :paper, "
                                + ":at) ON CONFLICT DO NOTHING");
                PreparedBatch picks =
                        h.prepareBatch("INSERT INTO foryou_picks (user_id, rank, paper_id, because_id, upvoted) "
                                + "VALUES (:id, :rank, :paper, :because, 1)");
                PreparedBatch states =
                        h.prepareBatch("INSERT INTO foryou_pick_state (user_id, likes_hash, computed_at) "
                                + "VALUES (:id, :hash, :at)");
                for (int i = from; i < to; i += every) {
                    long id = i + 1;
                    users.bind("id", id)
                            .bind("email", "reader" + id + "@example.org")
                            .bind("name", "reader" + id)
                            .bind("at", at)
                            .add();
                    owners.bind("id", id).add();
                    java.util.Set<String> liked = new java.util.LinkedHashSet<>();
                    while (liked.size() < 3) {
                        liked.add(paperId(zipf(random, paperCount)));
                    }
                    liked.forEach(p ->
                            votes.bind("id", id).bind("paper", p).bind("at", at).add());
                    List<String> likedIds = List.copyOf(liked);
                    for (int rank = 0; rank < ForYou.STORED; rank++) {
                        picks.bind("id", id)
                                .bind("rank", rank)
                                .bind("paper", paperId(random.nextInt(paperCount)))
                                .bind("because", likedIds.get(rank % likedIds.size()))
                                .add();
                    }
                    states.bind("id", id)
                            .bind("hash", new Likes(likedIds, List.of()).signature())
                            .bind("at", computed)
                            .add();
                }
                users.execute();
                owners.execute();
                votes.execute();
                picks.execute();
                states.execute();
            });
        }
    }

    private static String paperId(int index) {
        return String.format("2611.%05d", index + 1);
    }

    private static String word(Random random) {
        return WORDS[zipf(random, WORDS.length)];
    }

    /** A Zipf-like rank in [0, n): rank r has weight 1/(r+1). */
    private static int zipf(Random random, int n) {
        double harmonic = Math.log(n) + 0.5772;
        double target = random.nextDouble() * harmonic;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / (r + 1);
            if (sum >= target) {
                return r;
            }
        }
        return n - 1;
    }

    // On a machine shared with other work, wall time says little; CPU time says what the run needs.
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
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
