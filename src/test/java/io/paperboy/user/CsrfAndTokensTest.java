package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every state-changing request needs this visitor's CSRF token and this site's origin; API tokens need neither. */
final class CsrfAndTokensTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void aFormPost_withoutACsrfToken_isRefused() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-none");
        HttpResponse<String> response = ada.postRaw("/settings/profile", Map.of("display_name", "Forged"), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no CSRF token");
        assertThat(ada.get("/settings").body()).doesNotContain("Forged");
    }

    @Test
    void aFormPost_withAnotherVisitorsToken_isRefused() throws Exception {
        WebSession victim = server().browser().signUpConfirmed("csrf-victim");
        WebSession attacker = server().browser().signUpConfirmed("csrf-attacker");
        HttpResponse<String> response = victim.postRaw(
                "/settings/profile", Map.of("display_name", "Forged", "_csrf", attacker.csrf()), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("stale or wrong");
    }

    @Test
    void aFormPost_fromAnotherOrigin_isRefused_evenWithTheRightToken() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-origin");
        HttpResponse<String> response = ada.postRaw(
                "/settings/profile",
                Map.of("display_name", "Forged", "_csrf", ada.csrf()),
                Map.of("Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("cross-site request refused");
    }

    @Test
    void aFormPost_withOriginNull_asFromANoReferrerPage_isDecidedByTheToken() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-null");
        HttpResponse<String> response = ada.postRaw(
                "/settings/profile",
                Map.of("display_name", "From null", "_csrf", ada.csrf()),
                Map.of("Origin", "null"));
        HttpResponse<String> forged = ada.postRaw(
                "/settings/profile", Map.of("display_name", "Forged", "_csrf", "wrong"), Map.of("Origin", "null"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ada.get("/settings").body()).contains("value=\"From null\"");
    }

    @Test
    void fetchMetadata_sameOrigin_isAccepted_andCrossSite_isRefused_whateverTheOrigin() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-fetch");
        HttpResponse<String> same = ada.postRaw(
                "/settings/profile",
                Map.of("display_name", "Same origin", "_csrf", ada.csrf()),
                Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"));
        HttpResponse<String> cross = ada.postRaw(
                "/settings/profile",
                Map.of("display_name", "Forged", "_csrf", ada.csrf()),
                Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> sameSite = ada.postRaw(
                "/settings/profile",
                Map.of("display_name", "Forged", "_csrf", ada.csrf()),
                Map.of("Sec-Fetch-Site", "same-site"));

        assertThat(same.statusCode()).isEqualTo(303);
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(cross.body()).contains("cross-site request refused");
        assertThat(sameSite.statusCode()).isEqualTo(403);
    }

    @Test
    void pagesWithASecretInTheirUrl_keepItFromOtherSites_butLetTheirOwnFormsSayWhereTheyComeFrom() throws Exception {
        for (String path : new String[] {"/reset", "/reset?token=x", "/verify?token=x", "/subscribe/confirm?token=x"}) {
            assertThat(server().get(path).headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("same-origin");
        }
    }

    @Test
    void aRefusedForm_showsTheMemberStillSignedIn() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-header");
        HttpResponse<String> response = ada.postRaw("/logout", Map.of("_csrf", "wrong"), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Log out").doesNotContain(">Log in<");
    }

    @Test
    void aFormPost_withTheTokenFromItsOwnPage_works() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("csrf-ok");
        HttpResponse<String> response = ada.post("/settings/profile", Map.of("display_name", "Ada L."));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(ada.get("/settings").body()).contains("value=\"Ada L.\"");
    }

    @Test
    void theLoginForm_needsAToken_too() throws Exception {
        server().browser().signUp("csrf-login");
        WebSession fresh = server().browser();
        HttpResponse<String> response = fresh.postRaw(
                "/login", Map.of("email", "csrf-login@example.org", "password", WebSession.PASSWORD), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(fresh.cookie("pb_session")).isNull();
    }

    @Test
    void aPersonalApiToken_authenticatesTheApi_isShownOnce_andCanBeRevoked() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("tokens");
        HttpResponse<String> created = ada.post("/settings/tokens", Map.of("label", "my script"));
        Matcher m = Pattern.compile("<code class=\"token\">(pb_[A-Za-z0-9_-]+)</code>")
                .matcher(created.body());
        assertThat(m.find()).as("token shown after creation").isTrue();
        String token = m.group(1);
        assertThat(ada.get("/settings").body()).contains("my script").doesNotContain(token);

        HttpResponse<String> whoami = bearer("/api/whoami", token);
        assertThat(whoami.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(whoami.body());
        assertThat(me.get("name").asText()).isEqualTo("tokens");
        assertThat(me.get("verified").asBoolean()).isTrue();

        String settings = ada.get("/settings").body();
        Matcher revoke =
                Pattern.compile("action=\"(/settings/tokens/\\d+/revoke)\"").matcher(settings);
        assertThat(revoke.find()).isTrue();
        assertThat(ada.post(revoke.group(1), Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> revoked = bearer("/api/whoami", token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(revoked.body()).get("error").asText()).startsWith("unknown or revoked API token");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/login", "/settings", "/", "/papers/for-you"})
    void anUnknownBearerToken_onAPage_answers401WithTheReason_neverARedirectLoop(String path) throws Exception {
        HttpResponse<String> response = bearer(path, "pb_not-a-token-anyone-made");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("location")).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).contains("unknown or revoked API token");
    }

    @Test
    void theApi_withoutSessionOrToken_answers401InJson_notARedirect() throws Exception {
        HttpResponse<String> response = server().get("/api/whoami");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("sign in first");
    }

    @Test
    void revokingSomeoneElsesToken_isNotFound() throws Exception {
        WebSession owner = server().browser().signUpConfirmed("token-owner");
        owner.post("/settings/tokens", Map.of("label", "mine"));
        Matcher revoke = Pattern.compile("action=\"(/settings/tokens/\\d+/revoke)\"")
                .matcher(owner.get("/settings").body());
        assertThat(revoke.find()).isTrue();
        WebSession other = server().browser().signUpConfirmed("token-thief");

        assertThat(other.post(revoke.group(1), Map.of()).statusCode()).isEqualTo(404);
        assertThat(owner.get("/settings").body()).contains("mine");
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return server().browser()
                .send(HttpRequest.newBuilder(URI.create(server().url(path)))
                        .header("Authorization", "Bearer " + token));
    }
}
