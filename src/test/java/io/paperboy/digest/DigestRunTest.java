package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestStore;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest runs against a real SMTP server (GreenMail): contents, headers, the outbox's exactly-once. */
final class DigestRunTest {
    @TempDir
    Path dir;

    @Test
    void dailyDigest_holdsTrendingThenYesterdaysPapersFromFollowedSearchAuthorAndCategory() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber("ada@example.org", Frequency.DAILY, FOLLOWS);

            DigestService.RunReport report = f.digests(smtp.mailer()).run(MONDAY, null);

            assertThat(report.sent()).isEqualTo(1);
            MimeMessage mail = smtp.to("ada@example.org").getFirst();
            assertThat(mail.getSubject()).isEqualTo("Paperboy daily digest: Sunday, November 29, 2026");
            String text = MailServer.text(mail);
            assertThat(text)
                    .contains(
                            "== Trending ==",
                            "Scaling laws for everything",
                            "40 votes",
                            "https://papers.example.org/papers/" + TRENDING_TOP,
                            "https://arxiv.org/abs/" + TRENDING_TOP,
                            "https://github.com/example/scaling",
                            "A second trending paper");
            assertThat(text)
                    .contains(
                            "== From what you follow ==",
                            "Protein folding with diffusion models",
                            "matches your search “protein folding”",
                            "Notes on the analytical engine",
                            "by Ada Lovelace, whom you follow",
                            "Tokenizers revisited",
                            "in cs.CL, which you follow");
            assertThat(text)
                    .contains(
                            "You follow the search “protein folding”, the author Ada Lovelace and the category cs.CL.",
                            "Change what you follow: https://papers.example.org/settings/digest")
                    .doesNotContain("Nothing new");
            assertThat(text).doesNotContain("Protein folding at scale", "an old result");
            assertThat(text.indexOf("Scaling laws")).isLessThan(text.indexOf("A second trending paper"));
        }
    }

    @Test
    void weeklyDigest_coversTheWholePreviousWeek() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber("grace@example.org", Frequency.WEEKLY, FOLLOWS);

            f.digests(smtp.mailer()).run(MONDAY, null);

            MimeMessage mail = smtp.to("grace@example.org").getFirst();
            assertThat(mail.getSubject()).isEqualTo("Paperboy weekly digest: the week of November 23, 2026");
            String text = MailServer.text(mail);
            assertThat(text)
                    .contains(
                            "Scaling laws for everything",
                            "Protein folding with diffusion models",
                            "Protein folding at scale",
                            "Notes on the analytical engine",
                            "Tokenizers revisited");
            assertThat(text).doesNotContain("an old result");
        }
    }

    @Test
    void digestWithoutFollowedItems_isTheTrendingSectionAlone() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber("plain@example.org", Frequency.DAILY, Interests.NONE);

            f.digests(smtp.mailer()).run(MONDAY, null);

            String text = MailServer.text(smtp.to("plain@example.org").getFirst());
            assertThat(text).contains("== Trending ==").doesNotContain("From what you follow", "Protein");
        }
    }

    @Test
    void whenNothingNewMatchesWhatIsFollowed_theMailStillSaysWhatItIs() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber(
                    "quiet@example.org",
                    Frequency.DAILY,
                    new Interests(List.of("quantum gravity", "black holes"), List.of(), List.of("hep-th")));

            f.digests(smtp.mailer()).run(MONDAY, null);

            MimeMessage mail = smtp.to("quiet@example.org").getFirst();
            String text = MailServer.text(mail);
            assertThat(text)
                    .doesNotContain("== From what you follow ==")
                    .contains("You follow the searches “quantum gravity” and “black holes” and the category hep-th. "
                            + "Nothing new from these in this period.");
            String html =
                    (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
            assertThat(html)
                    .contains("You follow the searches “quantum gravity” and “black holes” and "
                            + "the category hep-th. Nothing new from these in this period.");
        }
    }

    @Test
    void mail_isMultipartTextAndHtml_withOneClickUnsubscribeHeaders_andAMessageIdFixedPerPeriod() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            long id = f.subscriber("ada@example.org", Frequency.DAILY, FOLLOWS);

            f.digests(smtp.mailer()).run(MONDAY, null);

            MimeMessage mail = smtp.to("ada@example.org").getFirst();
            assertThat(mail.getContentType()).startsWith("multipart/alternative");
            Multipart parts = (Multipart) mail.getContent();
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(html)
                    .contains(
                            "<table role=\"presentation\"",
                            "style=\"",
                            "Protein folding with diffusion models",
                            "href=\"https://arxiv.org/abs/" + SEARCH_HIT + "\"");
            String token = new SubscriptionService(f.db, smtp.mailer(), f.search, SITE, java.time.Clock.systemUTC())
                    .unsubscribeToken(id);
            assertThat(mail.getHeader("List-Unsubscribe", null))
                    .isEqualTo("<https://papers.example.org/unsubscribe/" + token + ">, "
                            + "<mailto:unsubscribe@papers.example.org?subject=unsubscribe-" + token + ">");
            assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(mail.getMessageID()).isEqualTo("<digest." + id + ".daily-2026-11-30@papers.example.org>");
            assertThat(mail.getSentDate()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void runsRepeatedInOnePeriod_sendEachSubscriberOneDigest_andTheNextPeriodAnother(TestStore store) throws Exception {
        try (DigestFixture f = new DigestFixture(store, dir);
                MailServer smtp = new MailServer()) {
            for (int i = 0; i < 5; i++) {
                f.subscriber("reader" + i + "@example.org", Frequency.DAILY, FOLLOWS);
            }
            DigestService digests = f.digests(smtp.mailer());

            DigestService.RunReport first = digests.run(MONDAY, null);
            DigestService.RunReport again = digests.run(MONDAY.plus(Duration.ofHours(3)), null);
            DigestService.RunReport beforeTheHour = digests.run(MONDAY.plus(Duration.ofHours(23)), null);

            assertThat(first.queued()).isEqualTo(5);
            assertThat(first.sent()).isEqualTo(5);
            assertThat(again.queued()).isZero();
            assertThat(again.sent()).isZero();
            assertThat(beforeTheHour.sent())
                    .as("07:30 next day is still Monday's period")
                    .isZero();
            assertThat(smtp.received()).hasSize(5);

            DigestService.RunReport tuesday = digests.run(MONDAY.plus(Duration.ofDays(1)), null);
            assertThat(tuesday.sent()).isEqualTo(5);
            assertThat(smtp.received().stream().map(DigestFixture::messageId).distinct())
                    .hasSize(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void smtpDownForAWhile_thenBack_everyDigestArrivesOnce(TestStore store) throws Exception {
        try (DigestFixture f = new DigestFixture(store, dir)) {
            for (int i = 0; i < 12; i++) {
                f.subscriber("reader" + i + "@example.org", Frequency.DAILY, FOLLOWS);
            }
            MailServer first = new MailServer();
            int port = first.port();
            DigestService digests = f.digests(first.mailer());
            first.close();

            DigestService.RunReport down = digests.run(MONDAY, null);
            assertThat(down.sent()).isZero();
            assertThat(down.stoppedEarly()).isTrue();
            int failed = down.retrying();
            assertThat(failed)
                    .as("the run stops once the relay keeps failing")
                    .isBetween(
                            DigestService.STOP_AFTER_TRANSIENT,
                            DigestService.STOP_AFTER_TRANSIENT + DigestService.SENDERS - 1);

            try (MailServer back = new MailServer(port)) {
                DigestService.RunReport tooEarly = digests.run(MONDAY.plusSeconds(30), null);
                DigestService.RunReport later = digests.run(MONDAY.plus(Duration.ofMinutes(5)), null);
                DigestService.RunReport after = digests.run(MONDAY.plus(Duration.ofHours(1)), null);

                assertThat(tooEarly.sent())
                        .as("those that failed wait for their backoff")
                        .isEqualTo(12 - failed);
                assertThat(later.sent()).isEqualTo(failed);
                assertThat(after.sent()).isZero();
                Map<String, Long> perAddress = back.received().stream()
                        .collect(Collectors.groupingBy(
                                m -> MailServer.text(m).isEmpty() ? "" : recipient(m), Collectors.counting()));
                assertThat(perAddress)
                        .hasSize(12)
                        .allSatisfy((address, count) -> assertThat(count).isEqualTo(1));
                assertThat(f.digests(back.mailer()).outboxCounts()).isEqualTo(Map.of("sent", 12));
            }
        }
    }

    @Test
    void backoff_doublesFromOneMinute_upToTwoHours() {
        assertThat(List.of(1, 2, 3, 8, 30).stream().map(DigestService::backoff).toList())
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofHours(2),
                        Duration.ofHours(2));
    }

    @Test
    void unsubscribedBeforeDelivery_queuedDigestIsCancelled_notSent() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            long id = f.subscriber("leaving@example.org", Frequency.DAILY, FOLLOWS);
            SubscriptionService subscriptions =
                    new SubscriptionService(f.db, smtp.mailer(), f.search, SITE, java.time.Clock.systemUTC());
            assertThat(subscriptions.unsubscribe(subscriptions.unsubscribeToken(id)))
                    .isTrue();

            DigestService.RunReport report = f.digests(smtp.mailer()).run(MONDAY, null);

            assertThat(report.sent()).isZero();
            assertThat(smtp.received()).isEmpty();
            assertThat(f.status(id)).isEqualTo(Subscription.Status.UNSUBSCRIBED);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
