package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.MONDAY;
import static io.paperboy.digest.DigestFixture.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestStore;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM delivering digests is killed with SIGKILL mid-run; the next run finishes the job. */
final class KilledDigestRunTest {
    private static final int SUBSCRIBERS = 300;

    @TempDir
    Path dir;

    @Test
    void runKilledMidDelivery_thenRunAgain_deliversEveryPendingDigestExactlyOnce() throws Exception {
        String url = TestStore.SQLITE.newDatabaseUrl(dir);
        try (DigestFixture f = new DigestFixture(url);
                MailServer smtp = new MailServer()) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                f.subscriber("reader" + i + "@example.org", Frequency.DAILY, DigestFixture.FOLLOWS);
            }

            Process first = run(url, smtp, MONDAY.toString());
            ChildJvm.killOnceCommitted(first, "delivering digests", () -> sent(f) >= 10);
            int sentAtKill = sent(f);
            assertThat(sentAtKill).as("killed mid-run").isBetween(10, SUBSCRIBERS - 1);

            // Five minutes later: the killed run's lease on the row it was sending has run out.
            Process second = run(url, smtp, MONDAY.plus(Duration.ofMinutes(5)).toString());
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).isZero();

            assertThat(f.digests(smtp.mailer()).outboxCounts()).isEqualTo(Map.of("sent", SUBSCRIBERS));
            Map<String, Set<String>> idsPerAddress = smtp.received().stream()
                    .collect(Collectors.groupingBy(
                            KilledDigestRunTest::recipient,
                            Collectors.mapping(DigestFixture::messageId, Collectors.toSet())));
            assertThat(idsPerAddress)
                    .hasSize(SUBSCRIBERS)
                    .allSatisfy((address, ids) -> assertThat(ids).as(address).hasSize(1));
            // Only the mails in flight at the kill (one per sender) can arrive twice (relay said 250,
            // our commit did not happen), and then with the same Message-ID; see DigestService.
            assertThat(smtp.received().size()).isBetween(SUBSCRIBERS, SUBSCRIBERS + DigestService.SENDERS);
        }
    }

    private Process run(String url, MailServer smtp, String now) throws Exception {
        return ChildJvm.paperboy(
                "digest",
                "run",
                "--data",
                dir.toString(),
                "--db",
                url,
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                Integer.toString(smtp.port()),
                "--smtp-security",
                "NONE",
                "--site-url",
                SITE.base(),
                "--now",
                now);
    }

    private static int sent(DigestFixture f) {
        return f.db.withHandle(h -> h.createQuery("SELECT count(*) FROM digest_outbox WHERE status = 'sent'")
                .mapTo(Integer.class)
                .one());
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
