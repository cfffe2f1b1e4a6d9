package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pre-account hijacking and what a password reset or change must end, through a real server on
 * SQLite and on PostgreSQL: an impostor signs up with the owner's address and waits.
 */
final class AccountTakeoverTest {
    private static final Map<TestStore, TestServer> SERVERS = new EnumMap<>(TestStore.class);
    private static final Pattern RESET_LINK = Pattern.compile("(/reset\\?token=[A-Za-z0-9_%-]+)");
    private static Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        dir = Files.createTempDirectory("paperboy-takeover");
        for (TestStore store : TestStore.values()) {
            SERVERS.put(store, new TestServer(Files.createDirectories(dir.resolve(store.name())), store));
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(TestServer::close);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anImpostorsAccount_makesNoToken_andTheOwnersResetEndsTheImpostorsSession(TestStore store) throws Exception {
        TestServer server = SERVERS.get(store);
        WebSession impostor = server.browser();
        impostor.signUp("victim-" + store.name().toLowerCase());
        String email = WebSession.email("victim-" + store.name().toLowerCase());

        HttpResponse<String> token = impostor.post("/settings/tokens", Map.of("label", "sleeper"));
        assertThat(token.statusCode()).isEqualTo(422);
        assertThat(token.body())
                .contains("confirm your email address before creating API tokens")
                .doesNotContain("class=\"token\"");
        HttpResponse<String> feed = impostor.post("/papers/for-you/feed", Map.of("action", "new"));
        Matcher feedUrl =
                Pattern.compile("(/feeds/for-you/[A-Za-z0-9_-]+\\.atom)").matcher(feed.body());
        assertThat(feedUrl.find()).as("the private feed's address is shown").isTrue();

        // The owner claims the account the only way open to them: a reset through their mailbox.
        resetPassword(server, email, "the owner's own password");

        assertThat(impostor.get("/settings").statusCode())
                .as("the impostor's session ended")
                .isEqualTo(303);
        assertThat(server.get(feedUrl.group(1)).statusCode())
                .as("the impostor's feed address is revoked")
                .isEqualTo(404);
        WebSession owner = server.browser();
        assertThat(owner.logIn("victim-" + store.name().toLowerCase(), "the owner's own password")
                        .statusCode())
                .isEqualTo(303);
        assertThat(owner.get("/settings").body()).contains("confirmed").doesNotContain("not confirmed yet");
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aPasswordReset_endsEveryApiToken(TestStore store) throws Exception {
        TestServer server = SERVERS.get(store);
        String name = "reset-tokens-" + store.name().toLowerCase();
        WebSession member = server.browser().signUpConfirmed(name);
        String token = member.createApiToken("script");
        assertThat(whoami(server, token).statusCode()).isEqualTo(200);

        resetPassword(server, WebSession.email(name), "a brand new password");

        HttpResponse<String> after = whoami(server, token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("unknown or revoked API token");
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aPasswordChange_endsEveryApiToken_andKeepsThisBrowserSignedInWithANewSession(TestStore store)
            throws Exception {
        TestServer server = SERVERS.get(store);
        WebSession member =
                server.browser().signUpConfirmed("change-tokens-" + store.name().toLowerCase());
        String token = member.createApiToken("script");
        String sessionBefore = member.cookie("pb_session");

        HttpResponse<String> changed = member.post(
                "/settings/password",
                Map.of("current_password", WebSession.PASSWORD, "new_password", "another good password"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(whoami(server, token).statusCode()).isEqualTo(401);
        assertThat(member.cookie("pb_session")).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(member.get("/settings?done=password").body()).contains("Password changed");
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aPasswordChange_withAnApiToken_succeeds_andNeverMakesTheSessionTheClientNamed(TestStore store)
            throws Exception {
        TestServer server = SERVERS.get(store);
        String name = "token-change-" + store.name().toLowerCase();
        WebSession member = server.browser().signUpConfirmed(name);
        String token = member.createApiToken("script");
        String chosen = "session-id-chosen-by-the-client";

        HttpResponse<String> changed = send(HttpRequest.newBuilder(URI.create(server.url("/settings/password")))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", "pb_session=" + chosen)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "current_password=correct+horse+battery&new_password=another+good+password")));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("pb_session=" + chosen));
        HttpResponse<String> withChosen = send(
                HttpRequest.newBuilder(URI.create(server.url("/api/whoami"))).header("Cookie", "pb_session=" + chosen));
        assertThat(withChosen.statusCode())
                .as("no session exists under the id the client chose")
                .isEqualTo(401);
        assertThat(server.browser().logIn(name, "another good password").statusCode())
                .isEqualTo(303);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aConfirmationLink_confirmsOnlyForTheSignedInOwnerOfTheAccount(TestStore store) throws Exception {
        TestServer server = SERVERS.get(store);
        String name = "link-owner-" + store.name().toLowerCase();
        WebSession impostor = server.browser();
        impostor.signUp(name);
        String link = WebSession.path(MailServer.link(server.mail().await(WebSession.email(name), "Confirm")));

        // The address's owner opens the mail the impostor's sign-up sent them, signed out.
        HttpResponse<String> signedOut = server.browser().get(link);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("location").orElseThrow()).startsWith("/login?next=");
        WebSession stranger =
                server.browser().signUpConfirmed("stranger-" + store.name().toLowerCase());
        assertThat(stranger.get(link).statusCode())
                .as("another member's session")
                .isEqualTo(400);
        assertThat(impostor.get("/settings").body()).contains("not confirmed yet");
    }

    private static void resetPassword(TestServer server, String email, String password) throws Exception {
        WebSession owner = server.browser();
        owner.get("/reset");
        assertThat(owner.post("/reset", Map.of("email", email)).statusCode()).isEqualTo(200);
        Matcher link = RESET_LINK.matcher(MailServer.text(server.mail().await(email, "Reset")));
        assertThat(link.find()).isTrue();
        owner.get(link.group(1));
        HttpResponse<String> done =
                owner.post("/reset/confirm", Map.of("token", tokenOf(link.group(1)), "password", password));
        assertThat(done.statusCode()).isEqualTo(303);
    }

    private static String tokenOf(String resetPath) {
        return java.net.URLDecoder.decode(
                resetPath.substring(resetPath.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> whoami(TestServer server, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.url("/api/whoami")))
                .header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
