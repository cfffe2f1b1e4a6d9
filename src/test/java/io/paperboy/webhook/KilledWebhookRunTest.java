package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.digest.Interests;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM delivering webhooks is killed with SIGKILL mid-run; the next run finishes the job. */
final class KilledWebhookRunTest {
    private static final int DESTINATIONS = 200;
    private static final Instant T = Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofHours(8));

    @TempDir
    Path dir;

    @Test
    void runKilledMidDelivery_thenRunAgain_deliversEveryEventOnce() throws Exception {
        String url = TestStore.SQLITE.newDatabaseUrl(dir);
        try (WebhookFixture f = new WebhookFixture(url, dir.resolve("mail"));
                ChatReceiver receiver = new ChatReceiver()) {
            for (int i = 0; i < DESTINATIONS; i++) {
                receiver.secret(f.add(null, "generic", receiver.url("generic"), "5", Interests.NONE, false)
                        .secret());
            }
            receiver.delay(150);

            Process first = run(url, T);
            ChildJvm.killOnceCommitted(
                    first,
                    "delivering webhooks",
                    () -> f.count("SELECT count(*) FROM webhook_outbox WHERE status = 'sent'") >= 20);
            int sentAtKill = f.count("SELECT count(*) FROM webhook_outbox WHERE status = 'sent'");
            assertThat(sentAtKill).as("killed mid-run").isBetween(20, DESTINATIONS - 1);

            // Five minutes later: the killed run's leases on the rows it was sending have run out.
            receiver.delay(0);
            Process second = run(url, T.plus(Duration.ofMinutes(5)));
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).isZero();

            assertThat(f.webhooks.outboxCounts()).isEqualTo(Map.of("sent", DESTINATIONS));
            List<String> ids = receiver.ids("generic");
            assertThat(new HashSet<>(ids))
                    .as("every event, each under one webhook-id")
                    .hasSize(DESTINATIONS);
            // Only the messages in flight at the kill (one per sender thread) can arrive twice (the receiver
            // answered, our commit did not happen), and then with the same webhook-id; see WebhookDelivery.
            assertThat(ids.size()).isBetween(DESTINATIONS, DESTINATIONS + WebhookDelivery.SENDERS);
            assertThat(receiver.refused).isEmpty();
        }
    }

    private Process run(String url, Instant now) throws Exception {
        return ChildJvm.paperboy(
                "webhooks",
                "run",
                "--data",
                dir.toString(),
                "--db",
                url,
                "--webhooks-allow-private",
                "--now",
                now.toString());
    }
}
