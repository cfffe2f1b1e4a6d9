package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.MailServer;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.SiteUrl;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows of issue 12's defects 1-3, posted with the headers real browsers send from those pages,
 * and the site's public origin behind a reverse proxy (CsrfAndTokensTest has the header rules one
 * by one; BrowserWalkTest clicks every form in Chromium).
 */
final class BrowserFormHeadersTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    // What a browser without Fetch Metadata (plain http to a remote host) sends with a form on a page
    // whose Referrer-Policy is no-referrer; Chromium adds Sec-Fetch-Site: same-origin.
    private static final Map<String, String> NULL_ORIGIN = Map.of("Origin", "null");
    private static final Map<String, String> CHROMIUM_NULL_ORIGIN =
            Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin");

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void bothPasswordResetForms_postedWithOriginNull_work() throws Exception {
        server().browser().signUpConfirmed("null-reset");
        WebSession forgetful = server().browser();
        forgetful.get("/reset");
        HttpResponse<String> asked =
                postAsBrowser(forgetful, "/reset", Map.of("email", "null-reset@example.org"), NULL_ORIGIN);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("a reset link is on its way");

        String link = WebSession.path(MailServer.link(server().mail().await("null-reset@example.org", "Reset")));
        forgetful.get(link);
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        HttpResponse<String> set = postAsBrowser(
                forgetful,
                "/reset/confirm",
                Map.of("token", token, "password", "a brand new password"),
                CHROMIUM_NULL_ORIGIN);

        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(server().browser()
                        .logIn("null-reset", "a brand new password")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void anAnonymousDigest_confirmedWithOriginNull_starts() throws Exception {
        WebSession visitor = server().browser();
        visitor.get("/subscribe");
        visitor.post(
                "/subscribe",
                Map.of("email", "null-digest@example.org", "frequency", "daily", "hour", "8", "zone", "UTC"));
        String link = WebSession.path(
                MailServer.link(server().mail().await("null-digest@example.org", "Confirm your Paperboy digest")));
        visitor.get(link);
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);

        HttpResponse<String> confirmed =
                postAsBrowser(visitor, "/subscribe/confirm", Map.of("token", token), NULL_ORIGIN);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Digest confirmed");
    }

    @Test
    void logOut_fromTheAddressConfirmedPage_withOriginNull_endsTheSession() throws Exception {
        WebSession member = server().browser();
        member.signUp("null-logout");
        HttpResponse<String> confirmed = member.get(
                WebSession.path(MailServer.link(server().mail().await("null-logout@example.org", "Confirm"))));
        assertThat(confirmed.body()).contains("Address confirmed", "action=\"/logout\"");

        HttpResponse<String> out = postAsBrowser(member, "/logout", Map.of(), CHROMIUM_NULL_ORIGIN);

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(member.get("/settings").statusCode())
                .as("signed out: settings send to the login page")
                .isEqualTo(303);
    }

    @Test
    void behindAReverseProxy_theSitesPublicOrigin_isThisSite_andOthersAreNot(@TempDir Path dir) throws Exception {
        // The proxy rewrote Host to the backend's address; the browser names the public one.
        try (TestServer proxied = new TestServer(dir, new SiteUrl("http://papers.example.org"))) {
            WebSession ada = proxied.browser().signUpConfirmed("proxied");

            HttpResponse<String> saved = postAsBrowser(
                    ada,
                    "/settings/profile",
                    Map.of("display_name", "Ada Proxied"),
                    Map.of("Origin", "http://papers.example.org"));
            HttpResponse<String> forged = postAsBrowser(
                    ada,
                    "/settings/profile",
                    Map.of("display_name", "Forged"),
                    Map.of("Origin", "http://papers.example.org.evil.example"));

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(ada.get("/settings").body()).contains("value=\"Ada Proxied\"");
        }
    }

    /** Posts {@code fields} with the token of the page the session read last, as its form would, plus {@code headers}. */
    private static HttpResponse<String> postAsBrowser(
            WebSession session, String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", session.csrf());
        return session.postRaw(path, form, headers);
    }
}
