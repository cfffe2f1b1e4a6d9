package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.MONDAY;
import static io.paperboy.digest.DigestFixture.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.mail.Mailer;
import io.paperboy.mail.SmtpMailer;
import io.paperboy.mail.SmtpSettings;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.Poll;
import io.paperboy.testing.SlowRelay;
import io.paperboy.testing.TestStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: with a relay slower than a claim's lease, a second sender took rows the first was
 * still sending and mailed them again. Every subscriber gets exactly one digest, on PostgreSQL
 * as in a cluster, with two senders or with a sender killed mid-send.
 */
final class SlowRelayDigestTest {
    private static final int SUBSCRIBERS = 6;
    private static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void twoSenders_relaySlowerThanTheLease_eachSubscriberGetsExactlyOneMail() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.POSTGRESQL, dir);
                MailServer smtp = new MailServer();
                SlowRelay relay = new SlowRelay(smtp.port(), LEASE.multipliedBy(2));
                ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            subscribe(f);
            DigestService first = f.digests(mailerVia(relay)).withLease(LEASE);
            DigestService second = f.digests(mailerVia(relay)).withLease(LEASE);

            long started = System.nanoTime();
            Future<DigestService.RunReport> a = nodes.submit(() -> first.run(MONDAY, Frequency.DAILY));
            Poll.until(Duration.ofSeconds(60), relay::holding, holding -> holding > 0);
            // The second node's tick comes when the first node's first claims are older than a lease.
            Thread.sleep(LEASE.plusMillis(300).toMillis());
            Instant later = MONDAY.plusNanos(System.nanoTime() - started);
            Future<DigestService.RunReport> b = nodes.submit(() -> second.run(later, Frequency.DAILY));

            assertThat(a.get().sent() + b.get().sent()).isEqualTo(SUBSCRIBERS);
            assertThat(f.digests(smtp.mailer()).outboxCounts()).isEqualTo(Map.of("sent", SUBSCRIBERS));
            assertExactlyOneMailEach(smtp);
        }
    }

    @Test
    void senderKilledMidSend_anotherSenderLater_eachSubscriberGetsExactlyOneMail() throws Exception {
        String url = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        try (DigestFixture f = new DigestFixture(url);
                MailServer smtp = new MailServer();
                SlowRelay relay = new SlowRelay(smtp.port(), Duration.ofMinutes(5))) {
            subscribe(f);
            Process child = ChildJvm.paperboy(
                    "digest",
                    "run",
                    "--data",
                    dir.toString(),
                    "--db",
                    url,
                    "--smtp-host",
                    "127.0.0.1",
                    "--smtp-port",
                    Integer.toString(relay.port()),
                    "--smtp-security",
                    "NONE",
                    "--site-url",
                    SITE.base(),
                    "--now",
                    MONDAY.toString());
            // Killed while the relay holds its mails: none of them was accepted.
            ChildJvm.killOnceCommitted(child, "sending digests", () -> relay.holding() > 0);

            // Another node's tick, once the killed sender's claims have run out (two-minute lease, not renewed).
            DigestService.RunReport report = f.digests(smtp.mailer()).deliver(MONDAY.plus(Duration.ofMinutes(5)));

            assertThat(report.sent()).isEqualTo(SUBSCRIBERS);
            assertThat(f.digests(smtp.mailer()).outboxCounts()).isEqualTo(Map.of("sent", SUBSCRIBERS));
            assertExactlyOneMailEach(smtp);
        }
    }

    private static void subscribe(DigestFixture f) {
        for (int i = 0; i < SUBSCRIBERS; i++) {
            f.subscriber("reader" + i + "@example.org", Frequency.DAILY, DigestFixture.FOLLOWS);
        }
    }

    private static Mailer mailerVia(SlowRelay relay) {
        return new SmtpMailer(new SmtpSettings(
                "127.0.0.1", relay.port(), SmtpSettings.Security.NONE, null, null, "Paperboy <paperboy@test.invalid>"));
    }

    private static void assertExactlyOneMailEach(MailServer smtp) {
        Map<String, List<String>> idsPerAddress = smtp.received().stream()
                .collect(Collectors.groupingBy(
                        SlowRelayDigestTest::recipient,
                        Collectors.mapping(DigestFixture::messageId, Collectors.toList())));
        assertThat(idsPerAddress)
                .hasSize(SUBSCRIBERS)
                .allSatisfy((address, ids) ->
                        assertThat(ids).as("mails to %s", address).hasSize(1));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
