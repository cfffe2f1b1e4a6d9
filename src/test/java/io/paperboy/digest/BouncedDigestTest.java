package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permanent SMTP failure (5xx) from a real relay, GreenMail. GreenMail accepts every sender and
 * recipient (its recipient check has no setting), so the refusal used is one it does make: a
 * command line over its 4,096-character limit answers "500 Command too long". An address that
 * long (no form accepts one) makes the RCPT command fail that way, as a relay answers 550 for an
 * unknown mailbox; the mailer sees an SMTP 5xx for the recipient either way.
 */
final class BouncedDigestTest {
    private static final String UNDELIVERABLE = "x".repeat(4100) + "@example.org";

    @TempDir
    Path dir;

    @Test
    void aPermanentRefusal_failsTheRow_andPausesTheSubscriptionAfterThreeBouncesInARow() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            long bounced = f.subscriber(UNDELIVERABLE, Frequency.DAILY, Interests.NONE);
            f.subscriber("fine@example.org", Frequency.DAILY, Interests.NONE);
            DigestService digests = f.digests(smtp.mailer());

            for (int day = 0; day < DigestService.PAUSE_AFTER_BOUNCES; day++) {
                assertThat(f.status(bounced)).as("before bounce " + (day + 1)).isEqualTo(Subscription.Status.ACTIVE);
                DigestService.RunReport report = digests.run(MONDAY.plus(Duration.ofDays(day)), null);
                // The refusal is the recipient's, not the relay's: the run goes on and the other subscriber gets mail.
                assertThat(report.failed()).isEqualTo(1);
                assertThat(report.sent()).isEqualTo(1);
                assertThat(report.stoppedEarly()).isFalse();
            }

            assertThat(f.status(bounced)).isEqualTo(Subscription.Status.PAUSED);
            List<String> rows = f.db.withHandle(h -> h.createQuery("SELECT status || ' ' || attempts || ' ' || "
                            + "last_error FROM digest_outbox WHERE subscription_id = :id ORDER BY period_key")
                    .bind("id", bounced)
                    .mapTo(String.class)
                    .list());
            // "the relay refused": the relay's reply to RCPT (not our address parser); failed at the first
            // attempt, so it was taken as permanent (a 4xx would have been retried).
            assertThat(rows)
                    .hasSize(DigestService.PAUSE_AFTER_BOUNCES)
                    .allMatch(r -> r.startsWith("failed 1 the relay refused the mail to xxx"));

            DigestService.RunReport paused =
                    digests.run(MONDAY.plus(Duration.ofDays(DigestService.PAUSE_AFTER_BOUNCES)), null);
            assertThat(paused.failed()).as("a paused subscription gets nothing").isZero();
            assertThat(paused.sent()).isEqualTo(1);
            assertThat(smtp.to("fine@example.org")).hasSize(DigestService.PAUSE_AFTER_BOUNCES + 1);
        }
    }
}
