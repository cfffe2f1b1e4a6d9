package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/webhooks} and {@code /settings/webhooks} through a real server on a real SQLite
 * store, with local receivers: what each role may see and do, refused URLs, the test button and
 * its log line, resuming a destination its deliveries paused. The operator allows private
 * addresses on this server (the receivers are on 127.0.0.1); a second server keeps the default.
 */
final class WebhookPagesTest {
    private static final Pattern ID = Pattern.compile("id=\"d-(\\d+)\"");
    // Tomorrow at 08:00 UTC: the first daily period after the destinations are added today.
    private static final Instant T =
            Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));

    @TempDir
    static Path dir;

    private static TestServer server;
    private static TestServer guarded;
    private static ChatReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new ChatReceiver();
        server = new TestServer(dir.resolve("allowing"), site -> site.webhooksAllowPrivate(true));
        guarded = new TestServer(dir.resolve("guarded"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        guarded.close();
        receiver.close();
    }

    private static Map<String, String> form(String kind, String name, String url) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", kind);
        f.put("name", name);
        f.put("url", url);
        f.put("dailyTop", "3");
        f.put("hour", "8");
        f.put("zone", "UTC");
        return f;
    }

    private static WebSession admin(TestServer on, String name) throws Exception {
        WebSession admin = on.browser().signUpConfirmed(name);
        on.promote(name, Role.ADMIN);
        admin.get(WebhookPages.ADMIN_PATH);
        return admin;
    }

    /** The id of the destination called {@code name} on {@code page}. */
    private static long idOf(String page, String name) {
        int at = page.indexOf(">" + name + "</h3>");
        assertThat(at).as("destination " + name + " listed").isPositive();
        Matcher m = ID.matcher(page.substring(0, at));
        long id = -1;
        while (m.find()) {
            id = Long.parseLong(m.group(1));
        }
        return id;
    }

    @Test
    void anAdmin_addsASlackChannel_andSeesItListed_withItsUrlRedacted_andWhatItSends() throws Exception {
        WebSession admin = admin(server, "hooksadmin");

        HttpResponse<String> added =
                admin.post(WebhookPages.ADMIN_PATH, form("slack", "Lab Slack", receiver.url("slack")));
        assertThat(added.statusCode()).isEqualTo(303);
        String page = admin.get(WebhookPages.ADMIN_PATH + "?done=added").body();

        assertThat(page)
                .contains(
                        "Destination added",
                        ">Lab Slack</h3>",
                        "Slack",
                        "the daily top 3 papers at 08:00 (UTC)",
                        "<span class=\"ok\">active</span>");
        // A chat webhook's URL is its credential: only the host is shown again.
        assertThat(page)
                .contains(receiver.url("slack").replaceFirst("/slack/hook$", "/…"))
                .doesNotContain("/slack/hook");
        // A site destination has no owner as read back, not member 0 (the page finds it by its owner).
        assertThat(server.webhooks().ownedBy(null))
                .anySatisfy(d -> assertThat(d.name()).isEqualTo("Lab Slack"))
                .allSatisfy(d -> assertThat(d.ownerId()).isNull());
        // Admins find the page beside the site's other operator pages.
        assertThat(admin.get("/admin/operations").body()).contains("href=\"/admin/webhooks\"");
    }

    @Test
    void aGenericWebhook_showsItsSigningSecretOnce_andTheReceiverVerifiesTheTestWithIt() throws Exception {
        WebSession admin = admin(server, "secretadmin");

        HttpResponse<String> added =
                admin.post(WebhookPages.ADMIN_PATH, form("generic", "Signed JSON", receiver.url("generic")));

        assertThat(added.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("<code class=\"token\">(whsec_[A-Za-z0-9+/=]+)</code>")
                .matcher(added.body());
        assertThat(secret.find()).as("the secret is shown").isTrue();
        String page = admin.get(WebhookPages.ADMIN_PATH).body();
        assertThat(page).contains(">Signed JSON</h3>").doesNotContain(secret.group(1));

        receiver.secret(secret.group(1));
        long id = idOf(page, "Signed JSON");
        int before = receiver.of("generic").size();
        assertThat(admin.post(WebhookPages.ADMIN_PATH + "/" + id + "/test", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(receiver.of("generic")).hasSize(before + 1);
    }

    @Test
    void sendATest_recordsALogLine_thatThePageShows_withTheResult() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hooktester");
        member.get(WebhookPages.SETTINGS_PATH);
        member.post(WebhookPages.SETTINGS_PATH, form("discord", "My Discord", receiver.url("discord")));
        long id = idOf(member.get(WebhookPages.SETTINGS_PATH).body(), "My Discord");
        int before = receiver.of("discord").size();

        HttpResponse<String> tested = member.post(WebhookPages.SETTINGS_PATH + "/" + id + "/test", Map.of());

        assertThat(tested.statusCode()).isEqualTo(303);
        String location = tested.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(WebhookPages.SETTINGS_PATH + "?tested=" + id);
        String page = member.get(location.replaceFirst("#.*", "")).body();
        assertThat(page)
                .contains(
                        "Test message delivered to “My Discord”: the receiver answered 200 in ",
                        "Delivery log (1 of the last 50 attempts)",
                        "<td>test</td>",
                        "<td>delivered</td>",
                        "<td>200</td>");
        assertThat(receiver.of("discord")).hasSize(before + 1);
        assertThat(server.webhooks().log(id))
                .singleElement()
                .satisfies(a -> assertThat(a.eventKey()).isEqualTo("test"));
    }

    @Test
    void aFailedTest_showsWhy() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hookfails");
        member.get(WebhookPages.SETTINGS_PATH);
        member.post(WebhookPages.SETTINGS_PATH, form("mattermost", "Gone Mattermost", receiver.url("mattermost")));
        long id = idOf(member.get(WebhookPages.SETTINGS_PATH).body(), "Gone Mattermost");
        receiver.answer("mattermost", 404, 1, null);

        String location = member.post(WebhookPages.SETTINGS_PATH + "/" + id + "/test", Map.of())
                .headers()
                .firstValue("Location")
                .orElseThrow();

        String page = member.get(location.replaceFirst("#.*", "")).body();
        assertThat(page)
                .contains(
                        "Test message to “Gone Mattermost” not delivered: the receiver answered 404.",
                        "<td>failed: the receiver answered 404</td>",
                        "<td>404</td>");
    }

    @Test
    void aMember_neitherSeesNorChangesAnotherMembersDestination_norTheSites() throws Exception {
        WebSession owner = server.browser().signUpConfirmed("hookowner");
        owner.get(WebhookPages.SETTINGS_PATH);
        owner.post(WebhookPages.SETTINGS_PATH, form("slack", "Owner Slack", receiver.url("slack")));
        long id = idOf(owner.get(WebhookPages.SETTINGS_PATH).body(), "Owner Slack");
        WebSession other = server.browser().signUpConfirmed("hookother");

        String othersPage = other.get(WebhookPages.SETTINGS_PATH).body();
        HttpResponse<String> delete = other.post(WebhookPages.SETTINGS_PATH + "/" + id + "/delete", Map.of());
        HttpResponse<String> test = other.post(WebhookPages.SETTINGS_PATH + "/" + id + "/test", Map.of());
        HttpResponse<String> resume = other.post(WebhookPages.SETTINGS_PATH + "/" + id + "/resume", Map.of());
        HttpResponse<String> asAdmin = other.post(WebhookPages.ADMIN_PATH + "/" + id + "/delete", Map.of());
        HttpResponse<String> sitePage = other.get(WebhookPages.ADMIN_PATH);

        assertThat(othersPage).contains("None yet.").doesNotContain("Owner Slack");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(delete.body()).contains("you have no destination '" + id + "'");
        assertThat(test.statusCode()).isEqualTo(404);
        assertThat(resume.statusCode()).isEqualTo(404);
        assertThat(asAdmin.statusCode()).isEqualTo(403);
        assertThat(sitePage.statusCode()).isEqualTo(403);
        assertThat(server.webhooks().find(id)).isPresent();
        assertThat(server.webhooks().log(id))
                .as("no test was sent for the other member")
                .isEmpty();
        // Nor does an admin's site page list or reach a member's destination.
        WebSession admin = admin(server, "hookadmin2");
        assertThat(admin.get(WebhookPages.ADMIN_PATH).body()).doesNotContain("Owner Slack");
        assertThat(admin.post(WebhookPages.ADMIN_PATH + "/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(owner.post(WebhookPages.SETTINGS_PATH + "/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(server.webhooks().find(id)).isEmpty();
        assertThat(other.post(WebhookPages.SETTINGS_PATH + "/nonsense/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusedUrls_get422_withThePreciseReasonBesideTheField_andNothingIsAdded() throws Exception {
        WebSession admin = admin(guarded, "guardadmin");
        Map<String, String> refusals = Map.of(
                "http://169.254.169.254/latest/meta-data/",
                        "resolves to 169.254.169.254, a link-local address (such as the cloud metadata service)",
                "http://127.0.0.1:9/hook", "resolves to 127.0.0.1, a loopback address",
                "http://10.1.2.3/hook", "resolves to 10.1.2.3, a private address",
                "ftp://example.org/hook", "only http and https URLs are allowed, not 'ftp'");

        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> answer =
                    admin.post(WebhookPages.ADMIN_PATH, form("slack", "Sneaky", refusal.getKey()));

            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(422);
            assertThat(answer.body())
                    .as(refusal.getKey())
                    .contains("<p class=\"field-error\" id=\"e-url\">", refusal.getValue())
                    // What was typed is shown again.
                    .contains("value=\"Sneaky\"");
        }
        assertThat(guarded.webhooks().ownedBy(null)).isEmpty();
        assertThat(admin.get(WebhookPages.ADMIN_PATH).body()).contains("Only public http(s) addresses");
    }

    @Test
    void badFields_get422_withOneMessagePerField_andAMatrixRoomNeedsItsToken() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hookbadform");
        member.get(WebhookPages.SETTINGS_PATH);
        Map<String, String> bad = form("matrix", "", receiver.url("matrix"));
        bad.put("hour", "25");
        bad.put("dailyTop", "many");

        HttpResponse<String> answer = member.post(WebhookPages.SETTINGS_PATH, bad);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains(
                        "id=\"e-name\"",
                        "id=\"e-hour\"",
                        "id=\"e-dailyTop\"",
                        "a Matrix room needs the access token",
                        "value=\"matrix\" checked");
        bad.put("name", "Lab room");
        bad.put("hour", "9");
        bad.put("dailyTop", "2");
        bad.put("token", "syt_token_abc");
        assertThat(member.post(WebhookPages.SETTINGS_PATH, bad).statusCode()).isEqualTo(303);
        String page = member.get(WebhookPages.SETTINGS_PATH).body();
        assertThat(page)
                .contains(">Lab room</h3>", "Matrix", "the daily top 2 papers at 09:00 (UTC)")
                .doesNotContain("syt_token_abc");
    }

    @Test
    void resume_startsAgain_aDestinationItsFailedDeliveriesPaused_andThePageShowsWhyItWasPaused() throws Exception {
        WebSession admin = admin(server, "resumeadmin");
        try (ChatReceiver flaky = new ChatReceiver()) {
            admin.post(WebhookPages.ADMIN_PATH, form("slack", "Flaky Slack", flaky.url("slack")));
            long id = idOf(admin.get(WebhookPages.ADMIN_PATH).body(), "Flaky Slack");
            // Deliveries pause it as they do: three daily messages failing for good (the test button never pauses).
            flaky.answer("slack", 410, 3, null);
            for (int day = 0; day < 3; day++) {
                server.webhooks().run(T.plus(Duration.ofDays(day)));
            }
            assertThat(server.webhooks().find(id).orElseThrow().paused())
                    .as("paused by its deliveries")
                    .isTrue();

            String paused = admin.get(WebhookPages.ADMIN_PATH).body();
            assertThat(paused)
                    .contains(
                            "<span class=\"warn\">paused</span>: the receiver answered 410",
                            "action=\"/admin/webhooks/" + id + "/resume\"",
                            "<td>failed: the receiver answered 410</td>");

            assertThat(admin.post(WebhookPages.ADMIN_PATH + "/" + id + "/resume", Map.of())
                            .statusCode())
                    .isEqualTo(303);

            assertThat(server.webhooks().find(id).orElseThrow().paused()).isFalse();
            String resumed =
                    admin.get(WebhookPages.ADMIN_PATH + "?done=resumed").body();
            assertThat(resumed)
                    .contains("Destination resumed")
                    .doesNotContain("action=\"/admin/webhooks/" + id + "/resume\"");
            // What waited is sent on the next round.
            server.webhooks().run(T.plus(Duration.ofDays(4)));
            assertThat(flaky.of("slack")).isNotEmpty();
        }
    }

    @Test
    void anUnconfirmedAccount_seesWhyItCannotAdd_andItsPostIsRefused_soItLeavesNothingBehind() throws Exception {
        WebSession unconfirmed = server.browser();
        unconfirmed.signUp("hookunconfirmed");

        String page = unconfirmed.get(WebhookPages.SETTINGS_PATH).body();
        HttpResponse<String> add =
                unconfirmed.post(WebhookPages.SETTINGS_PATH, form("slack", "Impostor", receiver.url("slack")));

        assertThat(page).contains("Confirm your email address first").doesNotContain("Add destination</button>");
        assertThat(add.statusCode()).isEqualTo(403);
        int impostors = server.db()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM webhook_destinations WHERE name = 'Impostor'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(impostors).isZero();
    }

    @Test
    void anUnconfirmedAccountsDestination_goesWhenTheAddressOwnerClaimsItByAReset() throws Exception {
        WebSession impostor = server.browser();
        impostor.signUp("hookimpostor");
        long account = server.db()
                .withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = 'hookimpostor'")
                        .mapTo(Long.class)
                        .one());
        // The pages refuse it; one made past them (the service, as the command line uses it) stands in.
        Map<String, String> problems = DestinationInput.problems();
        DestinationInput in = DestinationInput.parse(
                new DestinationInput.Raw(
                        "slack", "Left behind", receiver.url("slack"), null, "3", "8", "UTC", null, "", "", ""),
                server.webhooks().guard(),
                problems);
        long id = server.webhooks().add(account, in).destination().id();

        WebSession owner = server.browser();
        owner.get("/reset");
        assertThat(owner.post("/reset", Map.of("email", WebSession.email("hookimpostor")))
                        .statusCode())
                .isEqualTo(200);
        Matcher link = Pattern.compile("/reset\\?token=([A-Za-z0-9_%-]+)")
                .matcher(io.paperboy.testing.MailServer.text(
                        server.mail().await(WebSession.email("hookimpostor"), "Reset")));
        assertThat(link.find()).isTrue();
        owner.get("/reset?token=" + link.group(1));
        assertThat(owner.post(
                                "/reset/confirm",
                                Map.of(
                                        "token",
                                        java.net.URLDecoder.decode(
                                                link.group(1), java.nio.charset.StandardCharsets.UTF_8),
                                        "password",
                                        "the owner's own password"))
                        .statusCode())
                .isEqualTo(303);

        assertThat(server.webhooks().find(id)).isEmpty();
    }

    @Test
    void aVisitorIsSentToLogIn_aCuratorIsRefusedTheSitesPage_andSettingsLinkToTheirOwn() throws Exception {
        WebSession curator = server.browser().signUpConfirmed("hookcurator");
        server.promote("hookcurator", Role.CURATOR);

        HttpResponse<String> visitor = server.browser().get(WebhookPages.SETTINGS_PATH);
        HttpResponse<String> visitorAdmin = server.browser().get(WebhookPages.ADMIN_PATH);

        assertThat(visitor.statusCode()).isIn(302, 303, 401);
        assertThat(visitorAdmin.statusCode()).isIn(302, 303, 401);
        assertThat(curator.get(WebhookPages.ADMIN_PATH).statusCode()).isEqualTo(403);
        assertThat(curator.post(WebhookPages.ADMIN_PATH, form("slack", "Curated", receiver.url("slack")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(curator.get(WebhookPages.SETTINGS_PATH).statusCode()).isEqualTo(200);
        assertThat(curator.get("/settings").body()).contains("href=\"/settings/webhooks\"");
    }

    @Test
    void testMessages_areLimitedPerAccount_with429() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hookflood");
        member.get(WebhookPages.SETTINGS_PATH);
        member.post(WebhookPages.SETTINGS_PATH, form("slack", "Flooded", receiver.url("slack")));
        long id = idOf(member.get(WebhookPages.SETTINGS_PATH).body(), "Flooded");

        for (int i = 0; i < WebhookPages.TESTS_PER_ACCOUNT; i++) {
            assertThat(member.post(WebhookPages.SETTINGS_PATH + "/" + id + "/test", Map.of())
                            .statusCode())
                    .isEqualTo(303);
        }
        HttpResponse<String> refused = member.post(WebhookPages.SETTINGS_PATH + "/" + id + "/test", Map.of());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("too many test messages from your account");
        assertThat(server.webhooks().log(id)).hasSize(WebhookPages.TESTS_PER_ACCOUNT);
    }

    @Test
    void aMemberHasAtMostTenDestinations() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hookmany");
        member.get(WebhookPages.SETTINGS_PATH);
        for (int i = 0; i < WebhookPages.MAX_PER_MEMBER; i++) {
            assertThat(member.post(WebhookPages.SETTINGS_PATH, form("slack", "Slack " + i, receiver.url("slack")))
                            .statusCode())
                    .isEqualTo(303);
        }

        HttpResponse<String> eleventh =
                member.post(WebhookPages.SETTINGS_PATH, form("slack", "One too many", receiver.url("slack")));

        assertThat(eleventh.statusCode()).isEqualTo(422);
        assertThat(eleventh.body()).contains("the most one account may have");
        assertThat(member.get(WebhookPages.SETTINGS_PATH).body()).doesNotContain("Add destination</button>");
    }

    @Test
    void aFormWithoutItsCsrfToken_isRefused() throws Exception {
        WebSession member = server.browser().signUpConfirmed("hookcsrf");

        HttpResponse<String> forged =
                member.postRaw(WebhookPages.SETTINGS_PATH, form("slack", "Forged", receiver.url("slack")), Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.webhooks().ownedBy(null))
                .noneSatisfy(d -> assertThat(d.name()).isEqualTo("Forged"));
    }
}
