package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.paperboy.db.Database;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.ThreadDump;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness probes piling up on a slow node hold one of its pooled connections, not all of them:
 * the cluster check saw a node's pool of 10 exhausted for good, its holders readiness probes
 * (HAProxy's, every 500 ms per backend, and the check's own) that had each taken a connection of
 * their own while the store answered slowly.
 */
final class HealthProbesShareOneConnectionTest {
    private static final int PROBES = 30;
    private static final String READY_HANDLER = "io.paperboy.app.Health.ready";
    /** Shorter than {@link Probe#WAIT}: the probes must still be waiting when the page is asked. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void manyReadinessProbesWhileTheStoreIsSlow_leaveTheOtherConnectionsToPages() throws Exception {
        String url = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        try (Database db = Database.open(url, null, new Database.Access(3, null));
                Database other = Database.open(url, null, new Database.Access(2, null))) {
            WebServer server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            try (Handle locker = other.jdbi().open()) {
                // The store slow to answer the readiness check: its read of the schema history waits for this lock.
                locker.begin();
                locker.execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
                List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
                for (int i = 0; i < PROBES; i++) {
                    probes.add(http.sendAsync(get(server, "/health/ready"), HttpResponse.BodyHandlers.ofString()));
                }
                awaitCheckWaitingForTheLock(other);
                awaitAllProbesInTheHandler();
                long asked = System.nanoTime();
                HttpResponse<String> page =
                        http.send(get(server, "/papers/2407.17904"), HttpResponse.BodyHandlers.ofString());
                Duration took = Duration.ofNanos(System.nanoTime() - asked);
                locker.rollback();

                assertThat(page.statusCode())
                        .as("a page asked while %d probes wait on the store", PROBES)
                        .isNotEqualTo(503);
                assertThat(took).isLessThan(Duration.ofSeconds(3));
                for (CompletableFuture<HttpResponse<String>> probe : probes) {
                    HttpResponse<String> answer = probe.get();
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"status\":\"ready\"");
                }
            } finally {
                server.stop();
            }
        }
    }

    // A readiness check is blocked on the locked schema history (until then the store is not slow yet).
    private static void awaitCheckWaitingForTheLock(Database other) throws Exception {
        String waiting = """
                SELECT count(*) FROM pg_locks
                WHERE relation = 'flyway_schema_history'::regclass AND NOT granted""";
        long waiters = Poll.until(
                WAIT,
                () -> other.withHandle(
                        h -> h.createQuery(waiting).mapTo(Long.class).one()),
                n -> n >= 1);
        if (waiters < 1) {
            fail(
                    "no session waited for the lock on flyway_schema_history within %s: the readiness check never read"
                            + " the schema history",
                    WAIT);
        }
    }

    // Every probe has reached its handler and waits there on the slow store, so the page is asked while all wait.
    private static void awaitAllProbesInTheHandler() throws Exception {
        int inHandler = Poll.until(WAIT, () -> ThreadDump.countThreadsIn(READY_HANDLER), n -> n >= PROBES);
        if (inHandler < PROBES) {
            fail("%d of %d readiness probes reached %s within %s", inHandler, PROBES, READY_HANDLER, WAIT);
        }
    }

    private static HttpRequest get(WebServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
