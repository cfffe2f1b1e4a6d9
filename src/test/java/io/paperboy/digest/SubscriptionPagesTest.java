package io.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.SiteUrl;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscribing with double opt-in, unsubscribing in one click, and members' digest settings, through a real server. */
final class SubscriptionPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static SearchIndex index;

    @BeforeAll
    static void indexTheSamples() {
        index = SearchIndex.inMemory();
        new IndexFollower(new PaperService(server().db()), index).catchUp();
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    @Test
    void everyPageLinksToTheSubscribePage_whoseFormCarriesACsrfTokenAndIsNeverCached() throws Exception {
        HttpResponse<String> home = server().get("/");
        assertThat(home.body()).contains("href=\"/subscribe\"").doesNotContain("name=\"_csrf\"");

        HttpResponse<String> form = server().browser().get("/subscribe");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"_csrf\"", "name=\"zone\"", "name=\"searches\"");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void doubleOptIn_nothingIsSentBeforeTheLinkIsUsed_thenTheDigestComes() throws Exception {
        WebSession browser = server().browser();
        assertThat(subscribe(browser, "optin@example.org").body()).contains("Check your mail");
        MimeMessage confirmation = server().mail().await("optin@example.org", "Confirm your Paperboy digest");
        Instant later = Instant.now().plus(Duration.ofDays(2));

        digests().run(later, null);
        assertThat(digestsTo("optin@example.org")).isZero();

        String link = WebSession.path(MailServer.link(confirmation));
        HttpResponse<String> button = browser.get(link);
        assertThat(button.statusCode()).isEqualTo(200);
        assertThat(button.body()).contains("Start my digest");
        digests().run(later, null);
        assertThat(digestsTo("optin@example.org"))
                .as("opening the link alone confirms nothing")
                .isZero();
        HttpResponse<String> confirmed = browser.post("/subscribe/confirm", Map.of("token", token(link)));
        assertThat(confirmed.body()).contains("Digest confirmed");

        digests().run(later, null);
        assertThat(digestsTo("optin@example.org")).isEqualTo(1);
        HttpResponse<String> again = browser.post("/subscribe/confirm", Map.of("token", token(link)));
        assertThat(again.statusCode()).as("a link works once").isEqualTo(422);
    }

    @Test
    void confirmationLink_expiresAfter48Hours() throws Exception {
        WebSession browser = server().browser();
        subscribe(browser, "late@example.org");
        String token = token(MailServer.link(server().mail().await("late@example.org", "Confirm")));
        SubscriptionService twoDaysLater = new SubscriptionService(
                server().db(),
                server().mail().mailer(),
                new SearchService(index),
                new SiteUrl(server().url("")),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(48).plusMinutes(1)));

        assertThat(twoDaysLater.confirmable(token)).isFalse();
        assertThat(twoDaysLater.confirm(token)).isFalse();
        HttpResponse<String> bogus = browser.get("/subscribe/confirm?token=not-a-token");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("Link used or expired");
    }

    @Test
    void subscribingAnAddressTwice_answersTheSame_mailsNoSecondLink_andIsThrottled() throws Exception {
        WebSession browser = server().browser();
        String first = subscribe(browser, "twice@example.org").body();
        confirm(browser, "twice@example.org");

        HttpResponse<String> second = subscribe(browser, "twice@example.org");
        assertThat(second.body()).isEqualTo(first);
        assertThat(server().mail().await("twice@example.org", "Your Paperboy digest"))
                .isNotNull();
        assertThat(server().mail().to("twice@example.org")).hasSize(2);

        assertThat(subscribe(browser, "twice@example.org").statusCode()).isEqualTo(200);
        HttpResponse<String> fourth = subscribe(browser, "twice@example.org");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void badInput_namesEveryFieldThatIsWrong_andKeepsWhatWasTyped() throws Exception {
        WebSession browser = server().browser();
        browser.get("/subscribe");
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "email",
                "nope",
                "frequency",
                "hourly",
                "hour",
                "25",
                "zone",
                "Mars/Olympus_Mons",
                "categories",
                "not a category!"));
        HttpResponse<String> response = browser.post("/subscribe", form);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "must be a mail address",
                        "must be daily or weekly",
                        "must be a whole hour from 0 to 23",
                        "Mars/Olympus_Mons' is not a time zone",
                        "is not an arXiv category",
                        "value=\"nope\"");
    }

    @Test
    void theTimeZone_isChosenFromTheIanaZones_groupedByRegion() throws Exception {
        String page = server().browser().get("/subscribe").body();

        assertThat(page)
                .contains("<select id=\"f-zone\" name=\"zone\" data-guess-zone=\"true\"")
                .contains("<optgroup label=\"UTC\">")
                .contains("<optgroup label=\"Europe\">")
                .contains("<option value=\"Europe/Paris\">Europe/Paris</option>")
                .contains("<option value=\"America/Argentina/Buenos_Aires\">America/Argentina/Buenos Aires</option>")
                // Old aliases are not offered; every option is a zone the JDK knows.
                .doesNotContain("value=\"US/Pacific\"")
                .doesNotContain("value=\"EST5EDT\"");
        java.util.regex.Matcher option =
                java.util.regex.Pattern.compile("<option value=\"([^\"]+)\"").matcher(page);
        int options = 0;
        while (option.find()) {
            assertThat(java.time.ZoneId.getAvailableZoneIds())
                    .as(option.group(1))
                    .contains(option.group(1));
            options++;
        }
        assertThat(options).isGreaterThan(300);
    }

    @Test
    void oneClickUnsubscribe_byPostWithoutCsrfToken_stopsTheNextRun() throws Exception {
        WebSession browser = server().browser();
        subscribe(browser, "leave@example.org");
        confirm(browser, "leave@example.org");
        Instant later = Instant.now().plus(Duration.ofDays(2));
        digests().run(later, null);
        MimeMessage digest = server().mail().await("leave@example.org", "Paperboy daily digest");
        String unsubscribe = digest.getHeader("List-Unsubscribe", null);
        String path = WebSession.path(unsubscribe.substring(1, unsubscribe.indexOf('>')));

        HttpResponse<String> page = server().browser().get(path);
        assertThat(page.body()).contains("Stop the Paperboy digest to leave@example.org");
        HttpResponse<String> oneClick =
                new WebSession(server()).postRaw(path, Map.of("List-Unsubscribe", "One-Click"), Map.of());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("Unsubscribed");

        digests().run(later.plus(Duration.ofDays(1)), null);
        assertThat(digestsTo("leave@example.org")).isEqualTo(1);
        assertThat(server().browser()
                        .postRaw(path.substring(0, path.length() - 3) + "xyz", Map.of(), Map.of())
                        .statusCode())
                .as("a forged token")
                .isEqualTo(404);
    }

    @Test
    void member_withConfirmedAddress_startsTheDigestFromSettings_withoutAnotherLink() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("digestada");
        assertThat(ada.get("/settings").body()).contains("href=\"/settings/digest\"");
        ada.get("/settings/digest");

        HttpResponse<String> saved = ada.post(
                "/settings/digest",
                Map.of(
                        "frequency",
                        "weekly",
                        "hour",
                        "7",
                        "zone",
                        "Europe/Paris",
                        "searches",
                        "language models",
                        "authors",
                        "Yann LeCun",
                        "categories",
                        "cs.CL"));

        assertThat(saved.statusCode()).isEqualTo(303);
        String page = ada.get("/settings/digest").body();
        assertThat(page)
                .contains(
                        "Your weekly digest goes to digestada@example.org at 07:00 (Europe/Paris)",
                        "language models",
                        "Yann LeCun",
                        "cs.CL",
                        "<option value=\"Europe/Paris\" selected>");
        // The categories keep the case they were typed in; the same one in another case is a repeat.
        ada.post(
                "/settings/digest",
                Map.of(
                        "frequency",
                        "weekly",
                        "hour",
                        "7",
                        "zone",
                        "Europe/Paris",
                        "categories",
                        "cs.CL\nCS.cl\nmath.AG"));
        assertThat(ada.get("/settings/digest").body()).contains(">cs.CL\nmath.AG</textarea>");
        assertThat(server().mail().to("digestada@example.org"))
                .noneMatch(m -> subject(m).contains("digest"));
        HttpResponse<String> preview = ada.get("/digest/preview?format=text");
        assertThat(preview.body()).contains("Weekly papers");
    }

    @Test
    void member_withUnconfirmedAddress_isAskedToConfirmIt_andNoDigestIsMade() throws Exception {
        WebSession bob = server().browser();
        bob.signUp("digestbob");
        bob.get("/settings/digest");

        HttpResponse<String> refused =
                bob.post("/settings/digest", Map.of("frequency", "daily", "hour", "8", "zone", "UTC"));

        // The same words as for an address someone already subscribed (below): the page tells nobody who subscribes.
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("confirm your email address first");
        assertThat(bob.get("/settings/digest").body()).contains("You get no digest yet.");
    }

    @Test
    void signingUpWithSomeoneElsesSubscribedAddress_doesNotHandOverTheirSubscription() throws Exception {
        WebSession owner = server().browser();
        subscribe(owner, "victim@example.org");
        confirm(owner, "victim@example.org");
        WebSession intruder = server().browser();
        intruder.signUp("victim");
        intruder.get("/settings/digest");

        HttpResponse<String> taken = intruder.post(
                "/settings/digest",
                Map.of("frequency", "weekly", "hour", "3", "zone", "UTC", "searches", "something else"));

        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("confirm your email address first");
        assertThat(intruder.get("/settings/digest").body()).contains("You get no digest yet.");
    }

    @Test
    void preview_forAnonymousVisitors_isTheDefaultDailyDigestAsMailed() throws Exception {
        HttpResponse<String> html = server().get("/digest/preview");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<table role=\"presentation\"", "Trending", "votes");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(server().get("/digest/preview?format=text").body()).contains("== Trending ==", "Paper: http");
    }

    private static HttpResponse<String> subscribe(WebSession browser, String email) throws Exception {
        browser.get("/subscribe");
        return browser.post("/subscribe", Map.of("email", email, "frequency", "daily", "hour", "8", "zone", "UTC"));
    }

    private static void confirm(WebSession browser, String email) throws Exception {
        String token = token(MailServer.link(server().mail().await(email, "Confirm your Paperboy digest")));
        browser.get("/subscribe/confirm?token=" + token);
        assertThat(browser.post("/subscribe/confirm", Map.of("token", token)).body())
                .contains("Digest confirmed");
    }

    private static String token(String link) {
        Matcher m = TOKEN.matcher(link);
        assertThat(m.find()).as("a token in " + link).isTrue();
        return m.group(1);
    }

    private static long digestsTo(String email) {
        return server().mail().to(email).stream()
                .filter(m -> subject(m).startsWith("Paperboy daily digest"))
                .count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static DigestService digests() {
        TestServer s = server();
        PaperService papers = new PaperService(s.db());
        return new DigestService(
                s.db(),
                new ListingService(s.db(), papers),
                papers,
                new SearchService(index),
                s.mail().mailer(),
                new SiteUrl(s.url("")));
    }

    private static TestServer server() {
        return SERVER.server();
    }
}
