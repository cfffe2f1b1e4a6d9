package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.MailServer;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, confirmation, login, logout and reset through the real pages, mail read from a real SMTP server. */
final class AccountPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void signUp_mailsALink_thatConfirmsTheAddressOnce() throws Exception {
        WebSession ada = server().browser();
        ada.signUp("ada");
        assertThat(ada.get("/settings").body()).contains("not confirmed yet");

        String link = MailServer.link(server().mail().await("ada@example.org", "Confirm"));
        assertThat(link).startsWith(server().url("/verify?token="));
        assertThat(ada.get(WebSession.path(link)).body()).contains("Address confirmed");
        assertThat(ada.get("/settings").body()).contains("confirmed").doesNotContain("not confirmed yet");

        HttpResponse<String> again = ada.get(WebSession.path(link));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("used or has expired");
    }

    @Test
    void signUp_withBadInput_namesEachField_keepsWhatWasTyped_butNeverThePassword() throws Exception {
        WebSession someone = server().browser();
        someone.get("/signup");
        HttpResponse<String> response = someone.post(
                "/signup",
                Map.of("email", "not-an-address", "name", "x", "display_name", "Grace", "password", "short-pw"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("this is not an email address")
                .contains("use 2-30 letters")
                .contains("use at least 10 characters")
                .contains("value=\"not-an-address\"")
                .contains("value=\"Grace\"")
                .doesNotContain("short-pw");
    }

    @Test
    void signUp_withATakenAddress_answersAsForANewOne_andMailsTheOwnerInstead() throws Exception {
        server().browser().signUp("taken");
        WebSession second = server().browser();
        second.get("/signup");
        HttpResponse<String> sameEmail = second.post(
                "/signup",
                Map.of(
                        "email",
                        "TAKEN@example.org",
                        "name",
                        "other",
                        "display_name",
                        "Other",
                        "password",
                        WebSession.PASSWORD));
        HttpResponse<String> fresh = second.post(
                "/signup",
                Map.of(
                        "email",
                        "fresh@example.org",
                        "name",
                        "fresh",
                        "display_name",
                        "Fresh",
                        "password",
                        WebSession.PASSWORD));

        // The same status, the same place, no cookie either way: the visitor learns nothing.
        assertThat(sameEmail.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(303);
        assertThat(sameEmail.headers().firstValue("location"))
                .isEqualTo(fresh.headers().firstValue("location"))
                .hasValue("/login?signed-up");
        assertThat(sameEmail.headers().allValues("set-cookie"))
                .noneMatch(c -> c.startsWith("pb_session=") && !c.startsWith("pb_session=;"));
        assertThat(second.get("/login?signed-up").body()).contains("Check your mail");
        assertThat(MailServer.text(
                        server().mail().await("taken@example.org", "Someone tried to sign up with your address")))
                .contains("user name taken")
                .contains(server().url("/reset"));
        assertThat(server().mail().await("fresh@example.org", "Confirm")).isNotNull();
        // Nothing was made for the second sign-up with the taken address.
        assertThat(server().get("/u/other").statusCode()).isEqualTo(404);
    }

    @Test
    void signUp_withATakenName_saysSo_namesArePublic() throws Exception {
        server().browser().signUp("taken-name");
        WebSession second = server().browser();
        second.get("/signup");
        HttpResponse<String> sameName = second.post(
                "/signup",
                Map.of(
                        "email",
                        "other-name@example.org",
                        "name",
                        "Taken-Name",
                        "display_name",
                        "Other",
                        "password",
                        WebSession.PASSWORD));

        assertThat(sameName.statusCode()).isEqualTo(422);
        assertThat(sameName.body()).contains("is taken");
    }

    @Test
    void login_withAWrongPassword_isRefused_withoutSayingWhetherTheAccountExists() throws Exception {
        server().browser().signUp("bob");
        WebSession bob = server().browser();
        HttpResponse<String> wrong = bob.logIn("bob", "not the password");
        HttpResponse<String> nobody = server().browser().logIn("nobody-here", "not the password");

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("wrong email or password").contains("value=\"bob@example.org\"");
        assertThat(nobody.body()).contains("wrong email or password");
        assertThat(bob.get("/settings").statusCode()).isEqualTo(303);
    }

    @Test
    void login_isThrottled_afterFiveFailures_evenWithTheRightPassword() throws Exception {
        server().browser().signUp("carol");
        WebSession attacker = server().browser();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.logIn("carol", "guess number " + i).statusCode())
                    .isEqualTo(422);
        }
        HttpResponse<String> sixth = attacker.logIn("carol", WebSession.PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("too many failed logins for this account");
    }

    @Test
    void login_aBurstOfGuessesAtOnce_getsFiveTries_notOneEach() throws Exception {
        server().browser().signUp("burst");
        java.util.List<WebSession> guessers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WebSession guesser = server().browser();
            guesser.get("/login");
            guessers.add(guesser);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            var answers = pool.invokeAll(guessers.stream()
                    .<java.util.concurrent.Callable<Integer>>map(
                            g -> () -> g.logIn("burst", "a wrong guess").statusCode())
                    .toList());
            int tried = 0;
            for (var answer : answers) {
                tried += answer.get() == 422 ? 1 : 0;
            }

            assertThat(tried).isEqualTo(5);
        }
    }

    @Test
    void login_replacesAPlantedSessionCookie_soSessionFixationIsImpossible() throws Exception {
        server().browser().signUp("dave");
        WebSession victim = server().browser();
        victim.get("/login");
        // An attacker who could set cookies plants a session id they know.
        String planted = "planted-session-id-known-to-the-attacker";
        victim.send(HttpRequest.newBuilder(URI.create(server().url("/"))).header("Cookie", "pb_session=" + planted));
        HttpResponse<String> login = victim.postRaw(
                "/login",
                Map.of("email", "dave@example.org", "password", WebSession.PASSWORD, "_csrf", victim.csrf()),
                Map.of("Cookie", "pb_session=" + planted + "; pb_anon=" + victim.cookie("pb_anon")));

        assertThat(login.statusCode()).isEqualTo(303);
        String issued = victim.cookie("pb_session");
        assertThat(issued).isNotNull().isNotEqualTo(planted);
        HttpResponse<String> asAttacker = server().browser()
                .send(HttpRequest.newBuilder(URI.create(server().url("/settings")))
                        .header("Cookie", "pb_session=" + planted));
        assertThat(asAttacker.statusCode()).isEqualTo(303);
        assertThat(asAttacker.headers().firstValue("Location")).contains("/login?next=%2Fsettings");
    }

    @Test
    void logIn_again_issuesANewSessionId_andTheOldOneStopsWorking() throws Exception {
        WebSession erin = server().browser().signUpConfirmed("erin");
        String first = erin.cookie("pb_session");
        erin.logIn("erin", WebSession.PASSWORD);
        String second = erin.cookie("pb_session");

        assertThat(second).isNotEqualTo(first);
        assertThat(withCookie("/settings", first).statusCode()).isEqualTo(303);
        assertThat(withCookie("/settings", second).statusCode()).isEqualTo(200);
    }

    @Test
    void logout_endsTheSessionOnTheServer_notJustInTheBrowser() throws Exception {
        WebSession frank = server().browser().signUpConfirmed("frank");
        String session = frank.cookie("pb_session");
        assertThat(withCookie("/settings", session).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = frank.post("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(withCookie("/settings", session).statusCode()).isEqualTo(303);
    }

    @Test
    void passwordReset_mailsALinkThatWorksOnce_andSignsOutEverywhere() throws Exception {
        WebSession grace = server().browser().signUpConfirmed("grace");
        String oldSession = grace.cookie("pb_session");
        WebSession forgetful = server().browser();
        forgetful.get("/reset");
        HttpResponse<String> asked = forgetful.post("/reset", Map.of("email", "grace@example.org"));
        assertThat(asked.body()).contains("a reset link is on its way");

        String link = WebSession.path(MailServer.link(server().mail().await("grace@example.org", "Reset")));
        HttpResponse<String> form = forgetful.get(link);
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("same-origin");
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> set = forgetful.post(
                "/reset/confirm",
                Map.of(
                        "token",
                        java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8),
                        "password",
                        "a brand new password"));
        assertThat(set.statusCode()).isEqualTo(303);

        assertThat(withCookie("/settings", oldSession).statusCode()).isEqualTo(303);
        assertThat(server().browser().logIn("grace", "a brand new password").statusCode())
                .isEqualTo(303);
        assertThat(server().browser().logIn("grace", WebSession.PASSWORD).statusCode())
                .isEqualTo(422);
        HttpResponse<String> reused = forgetful.get(link);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("used or has expired");
    }

    @Test
    void resetRequests_forUnknownAddresses_lookTheSame_andAreThrottled() throws Exception {
        WebSession someone = server().browser();
        someone.get("/reset");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = someone.post("/reset", Map.of("email", "ghost@example.org"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("If ghost@example.org has an account");
        }
        HttpResponse<String> fourth = someone.post("/reset", Map.of("email", "ghost@example.org"));

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(server().mail().to("ghost@example.org")).isEmpty();
    }

    @Test
    void resetConfirm_withABadLink_saysSoBeforeLookingAtThePassword_andIsThrottled(@TempDir Path dir) throws Exception {
        try (TestServer own = new TestServer(dir)) {
            WebSession someone = own.browser();
            someone.get("/reset");
            // A short password would be refused after hashing-free checks too; the link's problem comes first,
            // so no bad link ever reaches the Argon2id hash.
            HttpResponse<String> first = someone.post("/reset/confirm", Map.of("token", "bogus", "password", "short"));
            assertThat(first.statusCode()).isEqualTo(422);
            assertThat(first.body()).contains("used or expired").doesNotContain("at least");
            int refusedAt = -1;
            for (int i = 2; i <= 25 && refusedAt < 0; i++) {
                if (someone.post("/reset/confirm", Map.of("token", "bogus", "password", WebSession.PASSWORD))
                                .statusCode()
                        == 429) {
                    refusedAt = i;
                }
            }

            assertThat(refusedAt).isEqualTo(21);
        }
    }

    @Test
    void changingThePassword_withWrongCurrentPasswords_isThrottledAfterFive() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("wrong-current");
        for (int i = 0; i < 5; i++) {
            assertThat(ada.post(
                                    "/settings/password",
                                    Map.of(
                                            "current_password",
                                            "not my password",
                                            "new_password",
                                            "a brand new password"))
                            .statusCode())
                    .isEqualTo(422);
        }

        HttpResponse<String> sixth = ada.post(
                "/settings/password",
                Map.of("current_password", WebSession.PASSWORD, "new_password", "a brand new password"));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("wrong current passwords");
    }

    @Test
    void signUps_fromOneAddress_areThrottled_sayingWhenToTryAgain(@TempDir Path dir) throws Exception {
        try (TestServer strict = new TestServer(dir, TestStore.SQLITE, 2)) {
            strict.browser().signUp("first");
            strict.browser().signUp("second");
            WebSession third = strict.browser();
            third.get("/signup");

            HttpResponse<String> refused = third.post(
                    "/signup",
                    Map.of(
                            "email",
                            "third@example.org",
                            "name",
                            "third",
                            "display_name",
                            "Third",
                            "password",
                            WebSession.PASSWORD));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body())
                    .contains("value=\"third@example.org\"")
                    .containsPattern(
                            "Your network address has reached this site's limit on sign-ups: 2 an hour from one address\\. "
                                    + "Try again in \\d+ minutes\\. .* can raise this limit with --signups-per-address\\.");
            assertThat(strict.mail().to("third@example.org")).isEmpty();
        }
    }

    @Test
    void loginRedirects_onlyToPathsOnThisSite() throws Exception {
        server().browser().signUp("heidi");
        WebSession heidi = server().browser();
        heidi.get("/login");
        HttpResponse<String> away = heidi.post(
                "/login",
                Map.of("email", "heidi@example.org", "password", WebSession.PASSWORD, "next", "//evil.example/steal"));
        assertThat(away.headers().firstValue("Location")).contains("/");
        assertThat(away.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");

        heidi.post("/logout", Map.of());
        heidi.get("/login");
        HttpResponse<String> home = heidi.post(
                "/login",
                Map.of("email", "heidi@example.org", "password", WebSession.PASSWORD, "next", "/papers/trending"));
        assertThat(home.headers().firstValue("Location")).contains("/papers/trending");
    }

    @Test
    void membersPages_areNeverSharedCacheable_andCarryTheirName() throws Exception {
        WebSession ivan = server().browser().signUpConfirmed("ivan");
        HttpResponse<String> home = ivan.get("/");
        assertThat(home.headers().firstValue("Cache-Control")).contains("private, no-cache");
        assertThat(home.body()).contains("Member ivan").contains("Log out");

        HttpResponse<String> anonymous = server().get("/");
        assertThat(anonymous.body()).doesNotContain("Member ivan").contains("Log in");
    }

    private HttpResponse<String> withCookie(String path, String session) throws Exception {
        return server().browser()
                .send(HttpRequest.newBuilder(URI.create(server().url(path))).header("Cookie", "pb_session=" + session));
    }
}
