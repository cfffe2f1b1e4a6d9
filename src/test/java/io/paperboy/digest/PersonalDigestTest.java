package io.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.PaperService;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "For you" section of a member's digest, through the real server (real BGE-small embeddings
 * of the sample papers), a real digest run and a real SMTP server (GreenMail).
 */
final class PersonalDigestTest {
    private static final String LANGUAGE_MODELS = "2506.09560";
    private static final String SPITZER_SURVEY = "0704.0009";
    private static final Pattern PAPER_LINE = Pattern.compile("   Paper: \\S+/papers/(\\S+)");
    private static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("paperboy-personal-digest");
        server = TestServer.withEmbeddings(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void memberWithAnUpvote_getsForYou_withTheReason_inTextAndHtml_andNewPicksAfterUpvotingSomethingElse()
            throws Exception {
        WebSession ada = server.browser().signUpConfirmed("foryoudigest");
        ada.post("/papers/" + LANGUAGE_MODELS + "/upvote", Map.of("action", "upvote"));
        subscribeFromSettings(ada);
        Instant day1 = Instant.now().plus(Duration.ofDays(2));

        server.digests().run(day1, null);

        MimeMessage first = server.mail().await("foryoudigest@example.org", "Paperboy daily digest");
        String text = MailServer.text(first);
        String reason = "like “" + title(LANGUAGE_MODELS) + "”, which you upvoted";
        List<String> picks = forYouIds(text);
        assertThat(picks)
                .hasSize(DigestComposer.FOR_YOU_DAILY)
                .doesNotContain(LANGUAGE_MODELS)
                .doesNotHaveDuplicates();
        assertThat(section(text)).contains(reason);
        // Every pick carries the reason: one reason line per item.
        assertThat(section(text).split(Pattern.quote(reason), -1)).hasSize(picks.size() + 1);
        assertThat(text.indexOf("== For you ==")).isLessThan(text.indexOf("== Trending =="));
        // No paper twice: the rest of the mail does not repeat a pick.
        String rest = text.substring(text.indexOf("== Trending =="));
        assertThat(picks).noneMatch(id -> rest.contains("/papers/" + id + "\n"));
        String html = html(first);
        assertThat(html).contains(">For you</h2>");
        assertThat(html.split("”, which you upvoted", -1))
                .as("a reason per pick in the HTML part")
                .hasSize(picks.size() + 1);
        picks.forEach(id -> assertThat(html).contains("/papers/" + id + "\""));

        ada.post("/papers/" + LANGUAGE_MODELS + "/upvote", Map.of("action", "remove"));
        ada.post("/papers/" + SPITZER_SURVEY + "/upvote", Map.of("action", "upvote"));
        server.digests().run(day1.plus(Duration.ofDays(1)), null);

        String second = MailServer.text(latestDigest("foryoudigest@example.org"));
        List<String> newPicks = forYouIds(second);
        assertThat(newPicks)
                .hasSize(DigestComposer.FOR_YOU_DAILY)
                .doesNotContainAnyElementsOf(picks)
                .doesNotContain(SPITZER_SURVEY);
        assertThat(section(second))
                .contains("like “" + title(SPITZER_SURVEY) + "”, which you upvoted")
                .doesNotContain(title(LANGUAGE_MODELS));
    }

    @Test
    void aPickTheMemberSavedAndRead_isNotInTheNextDigest() throws Exception {
        WebSession bea = server.browser().signUpConfirmed("readerbea");
        bea.post("/papers/" + LANGUAGE_MODELS + "/upvote", Map.of("action", "upvote"));
        subscribeFromSettings(bea);
        Instant day1 = Instant.now().plus(Duration.ofDays(2));
        server.digests().run(day1, null);
        String top = forYouIds(MailServer.text(server.mail().await("readerbea@example.org", "Paperboy daily digest")))
                .getFirst();

        bea.post("/papers/" + top + "/save", Map.of("action", "save"));
        bea.post("/saved/" + top, Map.of("action", "read"));
        server.digests().run(day1.plus(Duration.ofDays(1)), null);

        assertThat(forYouIds(MailServer.text(latestDigest("readerbea@example.org"))))
                .isNotEmpty()
                .doesNotContain(top);
    }

    @Test
    void subscribers_withoutAccount_orWithoutLikes_getNoForYouSection() throws Exception {
        WebSession cy = server.browser().signUpConfirmed("nolikes");
        subscribeFromSettings(cy);
        WebSession anonymous = server.browser();
        anonymous.get("/subscribe");
        anonymous.post(
                "/subscribe", Map.of("email", "plain@example.org", "frequency", "daily", "hour", "8", "zone", "UTC"));
        String link = MailServer.link(server.mail().await("plain@example.org", "Confirm your Paperboy digest"));
        String token = link.substring(link.indexOf("token=") + "token=".length());
        anonymous.get("/subscribe/confirm?token=" + token);
        anonymous.post("/subscribe/confirm", Map.of("token", token));

        server.digests().run(Instant.now().plus(Duration.ofDays(2)), null);

        for (String address : List.of("nolikes@example.org", "plain@example.org")) {
            MimeMessage mail = server.mail().await(address, "Paperboy daily digest");
            assertThat(MailServer.text(mail))
                    .as(address)
                    .contains("== Trending ==")
                    .doesNotContain("For you");
            assertThat(html(mail)).as(address).doesNotContain("For you");
        }
    }

    private static void subscribeFromSettings(WebSession member) throws Exception {
        member.get("/settings/digest");
        assertThat(member.post("/settings/digest", Map.of("frequency", "daily", "hour", "8", "zone", "UTC"))
                        .statusCode())
                .isEqualTo(303);
    }

    private static String title(String paperId) {
        return new PaperService(server.db())
                .find(paperId)
                .orElseThrow()
                .title()
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The text part's "For you" section, up to the next section. */
    private static String section(String text) {
        int start = text.indexOf("== For you ==");
        assertThat(start).as("a For you section in\n" + text).isNotNegative();
        int end = text.indexOf("\n== ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<String> forYouIds(String text) {
        return PAPER_LINE.matcher(section(text)).results().map(m -> m.group(1)).toList();
    }

    private static MimeMessage latestDigest(String address) throws Exception {
        List<MimeMessage> digests = server.mail().to(address).stream()
                .filter(m -> subject(m).startsWith("Paperboy daily digest"))
                .toList();
        assertThat(digests).as("digests to " + address).hasSize(2);
        return digests.getLast();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String html(MimeMessage mail) throws Exception {
        return (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
    }
}
