package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.digest.Interests;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two senders, each with its own pool and HTTP client, on one embedded PostgreSQL store: each event is sent once. */
final class TwoNodesWebhookTest {
    private static final int DESTINATIONS = 120;
    private static final Instant T = Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofHours(8));

    @TempDir
    Path dir;

    private static WebhookService.Round deliver(WebhookFixture node, java.util.concurrent.CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return node.webhooks.deliver(T);
    }

    @Test
    void twoNodesDeliveringAtOnce_sendEachEventOnce() throws Exception {
        String url = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        try (WebhookFixture one = new WebhookFixture(url, dir.resolve("mail1"));
                WebhookFixture two = new WebhookFixture(url, dir.resolve("mail2"));
                ChatReceiver receiver = new ChatReceiver()) {
            for (int i = 0; i < DESTINATIONS; i++) {
                receiver.secret(one.add(null, "generic", receiver.url("generic"), "5", Interests.NONE, false)
                        .secret());
            }
            receiver.delay(50);
            // Both nodes queue (the outbox's key keeps one row per destination and day), then deliver at once.
            assertThat(one.webhooks.queueDue(T)).isEqualTo(DESTINATIONS);
            assertThat(two.webhooks.queueDue(T)).isZero();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            // Two threads of their own: the common pool has one thread on a 2-core machine, and would run them in turn.
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            CompletableFuture<WebhookService.Round> a = CompletableFuture.supplyAsync(() -> deliver(one, go), nodes);
            CompletableFuture<WebhookService.Round> b = CompletableFuture.supplyAsync(() -> deliver(two, go), nodes);
            go.countDown();
            WebhookService.Round ra = a.get();
            WebhookService.Round rb = b.get();
            nodes.shutdown();

            assertThat(ra.sent() + rb.sent()).isEqualTo(DESTINATIONS);
            assertThat(ra.sent()).as("both nodes took part").isPositive();
            assertThat(rb.sent()).as("both nodes took part").isPositive();
            List<String> ids = receiver.ids("generic");
            assertThat(ids).hasSize(DESTINATIONS);
            assertThat(new HashSet<>(ids)).hasSize(DESTINATIONS);
            assertThat(receiver.refused).isEmpty();
            assertThat(one.webhooks.outboxCounts()).isEqualTo(Map.of("sent", DESTINATIONS));
        }
    }
}
