package io.paperboy.bench;

import com.sun.net.httpserver.HttpServer;
import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.MailFolder;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.web.SiteUrl;
import io.paperboy.webhook.DestinationInput;
import io.paperboy.webhook.TargetGuard;
import io.paperboy.webhook.WebhookSender;
import io.paperboy.webhook.WebhookService;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery for N destinations (default 1,000), each getting the daily top 10, to local
 * receivers in the same JVM (one HTTP server with a path per kind, answering 200 at once): the
 * kinds in turn (generic signed JSON, Slack, Discord, Mattermost, Matrix). Times queueing (one
 * composed top-10 message per destination, one outbox row each) and delivering (WebhookService's
 * pass: claim, send, record, log), and reports the attempts' latency percentiles from the
 * delivery log. SQLite store, 200 featured papers.
 *
 * <p>Run: {@code bench/webhook-benchmark.sh [N]} (see docs/benchmarks.md).
 */
public final class WebhookBenchmark {
    private static final String[] KINDS = {"generic", "slack", "discord", "mattermost", "matrix"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path work = Files.createTempDirectory("paperboy-webhook-bench");
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                received.incrementAndGet();
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (Database db = Database.open(Database.sqliteUrl(work.resolve("bench.db")));
                SearchIndex index = SearchIndex.inMemory();
                WebhookSender sender = new WebhookSender(new TargetGuard(true), Clock.systemUTC())) {
            PaperService papers = new PaperService(db);
            ListingService listings = new ListingService(db, papers);
            seed(db, papers, listings);
            new IndexFollower(papers, index).catchUp();
            DigestService digests = new DigestService(
                    db,
                    listings,
                    papers,
                    new SearchService(index),
                    new MailFolder(work.resolve("mail"), "b <b@localhost>"),
                    new SiteUrl("https://papers.example.org"));
            WebhookService webhooks =
                    new WebhookService(db, digests, listings, sender, sender.guard(), Clock.systemUTC());
            long setup = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String kind = KINDS[i % KINDS.length];
                String url = kind.equals("matrix")
                        ? base + "/_matrix/client/v3/rooms/%21r" + i + "%3Ab/send/m.room.message"
                        : base + "/" + kind + "/" + i;
                Map<String, String> problems = DestinationInput.problems();
                DestinationInput in = DestinationInput.parse(
                        new DestinationInput.Raw(kind, "d" + i, url, "tok", "10", "0", "UTC", null, "", "", ""),
                        sender.guard(),
                        problems);
                if (in == null) {
                    throw new IllegalStateException(problems.toString());
                }
                webhooks.add(null, in);
            }
            System.out.printf("set-up: %d destinations added in %.1f s%n", n, (System.nanoTime() - setup) / 1e9);
            Instant t = Instant.now()
                    .plus(Duration.ofDays(1))
                    .truncatedTo(ChronoUnit.DAYS)
                    .plus(Duration.ofHours(8));
            long q0 = System.nanoTime();
            int queued = webhooks.queueDue(t);
            double queueSeconds = (System.nanoTime() - q0) / 1e9;
            long d0 = System.nanoTime();
            WebhookService.Round round = webhooks.deliver(t);
            double deliverSeconds = (System.nanoTime() - d0) / 1e9;
            List<Long> latencies =
                    db.withHandle(h -> h.createQuery("SELECT latency_ms FROM webhook_attempts ORDER BY latency_ms")
                            .mapTo(Long.class)
                            .list());
            System.out.printf(
                    "queue: %d messages (top 10 each) in %.2f s (%.0f/s)%n",
                    queued, queueSeconds, queued / queueSeconds);
            System.out.printf(
                    "deliver: %d sent, %d retrying, %d failed in %.2f s: %.0f messages/s; receiver got %d%n",
                    round.sent(),
                    round.retrying(),
                    round.failed(),
                    deliverSeconds,
                    round.sent() / deliverSeconds,
                    received.get());
            System.out.printf(
                    "attempt latency (request to answer, from the delivery log): p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(latencies, 0.50), pct(latencies, 0.99), latencies.getLast());
            if (round.sent() != n || received.get() != n) {
                throw new IllegalStateException("expected " + n + " deliveries");
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void seed(Database db, PaperService papers, ListingService listings) {
        List<Paper> all = new ArrayList<>();
        List<ListingEntry> featured = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 200; i++) {
            String id = String.format("2612.%05d", i + 1);
            all.add(Paper.builder(id, "Synthetic paper " + i + " on things")
                    .abstractText("We study synthetic things, number " + i + ". " + "Results follow. ".repeat(30))
                    .authors(List.of("Author " + i, "Second Author"))
                    .categories(List.of("cs.LG"))
                    .published(day.minusDays(1))
                    .build());
            featured.add(new ListingEntry(id, day.minusDays(i % 7), "curator", 500 - i, "bench"));
        }
        db.useTransaction(h -> {
            papers.store(h, all);
            listings.store(h, featured);
        });
    }
}
