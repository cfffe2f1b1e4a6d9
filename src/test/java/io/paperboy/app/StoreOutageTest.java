package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.digest.DigestSchedule;
import io.paperboy.ingest.Importer;
import io.paperboy.jobs.DailyJob;
import io.paperboy.jobs.JobRuns;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.EmbeddedPostgres;
import io.paperboy.testing.Poll;
import io.paperboy.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL stopped under a serving node and started again: what needs the store fails
 * fast with a 503 and Retry-After, cached pages are still served, liveness stays up while
 * readiness says the store is missing, every loop logs the outage once and its end once, and the
 * scheduled runs that fell in the outage happen when the store is back, recorded.
 */
final class StoreOutageTest {
    private static final String CACHED = "/papers/2506.09560";
    private static final String NOT_CACHED = "/papers/2407.17904";
    // Well below the 20-30 s a request hung before, with room for a loaded 2-core machine.
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private EmbeddedPostgres postgres;
    private Database db;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.startPrivate();
        db = Database.open(postgres.createDatabase("outage"));
        new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(List.of(Samples.copy(Samples.SEED, dir)), false);
        server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        server.stop();
        db.close();
        postgres.destroy();
    }

    @Test
    void storeStoppedThenStarted_failsFast_servesCachedPages_andRunsWhatWasMissed() throws Exception {
        HttpResponse<String> before = get(CACHED);
        assertThat(before.statusCode()).isEqualTo(200);
        // A write after the page was kept: the kept copy is stale, so only stale-if-error can serve it below.
        db.inTransaction(h -> ChangeSequence.next(h));
        long current = db.withHandle(ChangeSequence::current);
        Poll.until(Duration.ofSeconds(10), server::changesSeen, seen -> seen >= current);
        // The keyword worker's first pass is CPU work between two store reads; on a loaded machine it
        // could outlast the outage and never meet it. Let it finish, so its next round does.
        Poll.until(Duration.ofSeconds(120), () -> count("keywords: key phrases of"), n -> n >= 1);

        int metricsPort = server.listenForMetrics("127.0.0.1", 0);
        Poll.until(Duration.ofSeconds(30), () -> get(metricsPort), body -> body.contains("\npaperboy_nodes_seen 1"));
        postgres.stopServer();
        // The nightly job's hour and a digest tick both fall a second into the outage.
        Clock harvestClock = clockOneSecondBefore(Duration.ofHours(1));
        Instant nightlyHour = harvestClock.instant().plusSeconds(1).truncatedTo(ChronoUnit.HOURS);
        DailyJob harvest = new DailyJob(
                "harvest:test",
                nightlyHour.atZone(ZoneOffset.UTC).getHour(),
                () -> "harvested",
                new JobRuns(db),
                "node-a",
                harvestClock);
        Clock digestClock = clockOneSecondBefore(Duration.ofMinutes(5));
        DigestSchedule digests = new DigestSchedule(server.digests(), new JobRuns(db), "node-a", digestClock);
        try (harvest;
                digests) {
            harvest.start();
            digests.start();

            Instant asked = Instant.now();
            HttpResponse<String> page = get(NOT_CACHED);
            Duration took = Duration.between(asked, Instant.now());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(took)
                    .as("the page needing the store failed within %s", FAIL_FAST)
                    .isLessThan(FAIL_FAST);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("try again in a few seconds").doesNotContain("Exception", "at io.");
            HttpResponse<String> api = get("/api/papers/2407.17904");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.body()).startsWith("{\"error\":");
            System.err.printf("store down: a page needing it answered 503 in %d ms%n", took.toMillis());

            // /metrics answers from the figures last read, at once, saying how old they are.
            Instant scraped = Instant.now();
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.between(scraped, Instant.now()))
                    .as("a scrape with the store down")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(metrics.statusCode()).isEqualTo(200);
            io.paperboy.testing.PrometheusText figures = io.paperboy.testing.PrometheusText.parse(metrics.body());
            assertThat(figures.value("paperboy_nodes_seen")).isEqualTo(1);
            assertThat(figures.has("paperboy_outbox_mails")).isTrue();

            HttpResponse<String> cached = get(CACHED);
            assertThat(cached.statusCode())
                    .as("the kept page, served while the store is away")
                    .isEqualTo(200);
            assertThat(cached.body()).isEqualTo(before.body());
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"store\":\"down\"", "store: it does not answer");

            Thread.sleep(4000); // both scheduled runs come due and retry against the stopped store
            postgres.startServer();
            Instant restarted = Instant.now();

            HttpResponse<String> back =
                    Poll.until(Duration.ofSeconds(30), () -> get(NOT_CACHED), r -> r.statusCode() == 200);
            assertThat(back.statusCode()).isEqualTo(200);
            System.err.printf(
                    "store back: pages answer again %d ms after it started%n",
                    Duration.between(restarted, Instant.now()).toMillis());
            JobRuns runs = new JobRuns(db);
            Optional<JobRuns.Run> nightly = Poll.until(
                    Duration.ofSeconds(30),
                    () -> runs.latest("harvest:test"),
                    run -> run.isPresent() && run.get().finishedAt() != null);
            assertThat(nightly).as("the nightly run missed in the outage").isPresent();
            assertThat(nightly.get().runKey())
                    .isEqualTo(nightlyHour.atZone(ZoneOffset.UTC).toLocalDate().toString());
            assertThat(nightly.get().outcome()).isEqualTo("delayed by a store outage: harvested");
            Optional<JobRuns.Run> tick = Poll.until(
                    Duration.ofSeconds(30),
                    () -> runs.latest("digest"),
                    run -> run.isPresent() && run.get().finishedAt() != null);
            assertThat(tick)
                    .as("the digest hour claimed when the store came back")
                    .isPresent();
            assertThat(tick.get().runKey())
                    .isEqualTo(
                            digestClock.instant().truncatedTo(ChronoUnit.HOURS).toString());
        }
        assertThat(get(CACHED).statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        // Once per outage and loop, not once per tick or request; and each says the store is back.
        // Each loop notices on its own next round, so wait for the ones checked below (backoff is at most 5 s).
        Poll.until(
                Duration.ofSeconds(30),
                () -> lines("(web|index-follower): the store is back").size(),
                n -> n >= 2);
        for (String who : List.of("web", "index-follower", "keyword-worker", "digest schedule", "harvest:test of ")) {
            assertThat(lines(who + ".*the store is unavailable")).as(who).hasSize(1);
        }
        assertThat(lines("web: the store is back")).hasSize(1);
        assertThat(lines("index-follower: the store is back")).hasSize(1);
        // (HikariCP's own warnings, one per pooled connection, are quieted in logback.xml, not here.)
        assertThat(List.copyOf(logs.list).stream()
                        .filter(e -> e.getThrowableProxy() != null
                                && e.getLoggerName().startsWith("io.paperboy"))
                        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + ": "
                                + e.getThrowableProxy().getMessage()))
                .as("no stack trace logged")
                .isEmpty();
    }

    private List<String> lines(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return List.copyOf(logs.list).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> pattern.matcher(m).lookingAt())
                .toList();
    }

    private long count(String text) {
        return List.copyOf(logs.list).stream()
                .filter(e -> e.getFormattedMessage().contains(text))
                .count();
    }

    // A clock shifted so that the next whole `period` (hour, five minutes) is one second away.
    private static Clock clockOneSecondBefore(Duration period) {
        long now = System.currentTimeMillis();
        long boundary = (now / period.toMillis() + 1) * period.toMillis();
        return Clock.offset(Clock.systemUTC(), Duration.ofMillis(boundary - 1000 - now));
    }

    private String get(int metricsPort) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
