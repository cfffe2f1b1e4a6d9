package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.jobs.StoreOutage;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's statement timeout ({@code --db-statement-timeout}) on the real server: a statement
 * that runs too long is cancelled with a clear error instead of holding its connection for good,
 * and a web request held up that way answers 503 with Retry-After, not 500.
 */
final class StatementTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void aStatementLongerThanTheTimeout_isCancelledSoon_withAClearError() {
        try (Database db = Database.open(
                TestStore.POSTGRESQL.newDatabaseUrl(dir), null, new Database.Access(null, null, TIMEOUT))) {
            Instant asked = Instant.now();
            Throwable e = catchThrowable(() -> db.withHandle(h ->
                    h.createQuery("SELECT pg_sleep(20)").mapTo(String.class).one()));
            Duration took = Duration.between(asked, Instant.now());

            assertThat(took).isLessThan(Duration.ofSeconds(8));
            assertThat(StoreOutage.isTimeout(e)).as("SQLSTATE 57014").isTrue();
            assertThat(StoreOutage.reason(e)).contains("canceling statement due to statement timeout");
            // The connection went back to the pool whole: the next statement runs.
            Integer one = db.withHandle(
                    h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(one).isEqualTo(1);
        }
    }

    @Test
    void withoutATimeoutGiven_serveHasThirtySeconds_andTheLongCommandsNone() throws Exception {
        try (Database db = Database.open(TestStore.POSTGRESQL.newDatabaseUrl(dir))) {
            String timeout = db.withHandle(h ->
                    h.createQuery("SHOW statement_timeout").mapTo(String.class).one());
            assertThat(timeout).isEqualTo("30s");
        }
        try (Database db = Database.open(
                TestStore.POSTGRESQL.newDatabaseUrl(dir), null, new Database.Access(null, null, Duration.ZERO))) {
            String timeout = db.withHandle(h ->
                    h.createQuery("SHOW statement_timeout").mapTo(String.class).one());
            assertThat(timeout).isEqualTo("0");
        }
    }

    @Test
    void aWebRequestHeldUpByALock_answers503WithRetryAfter_thenServesAgain() throws Exception {
        String url = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        try (Database db = Database.open(url, null, new Database.Access(null, null, TIMEOUT))) {
            new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                    .run(List.of(Samples.copy(Samples.SEED, dir)), false);
            WebServer server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
            try (Connection stuck = DriverManager.getConnection(url);
                    Statement s = stuck.createStatement()) {
                // A transaction that holds the papers table and never ends (a stuck job, a forgotten psql session).
                stuck.setAutoCommit(false);
                s.execute("LOCK TABLE papers IN ACCESS EXCLUSIVE MODE");

                Instant asked = Instant.now();
                HttpResponse<String> api = get(server, "/api/papers/2407.17904");
                Duration took = Duration.between(asked, Instant.now());

                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(took).isLessThan(Duration.ofSeconds(10));
                assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(api.body())
                        .startsWith("{\"error\":")
                        .contains("took too long")
                        .doesNotContain("Exception");
                HttpResponse<String> page = get(server, "/papers/2407.17904");
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.body()).contains("try again in a few seconds").doesNotContain("at io.");
                stuck.rollback();
            } finally {
                // The lock is gone: the same request is answered.
                try {
                    assertThat(get(server, "/api/papers/2407.17904").statusCode())
                            .isEqualTo(200);
                } finally {
                    server.stop();
                }
            }
        }
    }

    private static HttpResponse<String> get(WebServer server, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
