package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the site answers at its edges: Jetty's own errors, /metrics, links in feeds under a forged Host. */
final class SiteEdgesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static TestServer server() {
        return SERVER.server();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-uri", "uri-too-long", "headers-too-large"})
    void answersJettyMakesItself_carryTheSecurityHeaders(String kind) throws Exception {
        String request = switch (kind) {
            case "bad-uri" -> "GET /papers/%zz%%% HTTP/1.1\r\nHost: localhost\r\n\r\n";
            case "uri-too-long" -> "GET /papers?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            default -> "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n";
        };

        String head = rawHead(request);

        assertThat(head).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(head)
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .containsIgnoringCase("X-Content-Type-Options: nosniff")
                .containsIgnoringCase("X-Frame-Options: DENY");
    }

    @Test
    void favicon_isARealIcon_andEveryPageNamesItAndTheSvgOne() throws Exception {
        HttpResponse<byte[]> ico = server().getBytes("/favicon.ico");
        HttpResponse<byte[]> svg = server().getBytes(StaticAssets.url("icon.svg"));

        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
        // An ICO directory (reserved 0, type 1) of three images, each a PNG.
        assertThat(java.util.Arrays.copyOf(ico.body(), 6)).containsExactly(0, 0, 1, 0, 3, 0);
        assertThat(new String(ico.body(), StandardCharsets.ISO_8859_1)).contains("\u0089PNG");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(server().get("/").body())
                .contains("<link rel=\"icon\" href=\"/favicon.ico\"")
                .contains("<link rel=\"icon\" href=\"" + StaticAssets.url("icon.svg") + "\" type=\"image/svg+xml\">");
    }

    @Test
    void metrics_onTheSitesPort_areForAdminsOnly_andPrometheusHasItsOwnListener() throws Exception {
        HttpResponse<String> anonymous = server().get("/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.body()).doesNotContain("http_server_requests");
        WebSession member = server().browser().signUpConfirmed("metrics-member");
        HttpResponse<String> asMember = member.get("/metrics");
        assertThat(asMember.statusCode()).isEqualTo(403);
        assertThat(asMember.body()).doesNotContain("http_server_requests").contains("this needs the admin role");

        WebSession admin = server().browser().signUpConfirmed("metrics-admin");
        server().promote("metrics-admin", Role.ADMIN);
        assertThat(admin.get("/metrics").body()).contains("jvm_memory_used_bytes");
        assertThat(server().metrics().body()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/feeds/daily.atom", "/feeds/trending.rss", "/feeds/daily.json", "/feeds/search.atom?q=attention"
            })
    void feedLinks_comeFromTheSiteUrl_notFromTheHostHeader(String path) throws Exception {
        String body = rawBody("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(body).contains(server().url("/papers/")).doesNotContain("evil.example");
    }

    @Test
    void thePrivateFeedsAddress_comesFromTheSiteUrl_notFromTheHostHeader() throws Exception {
        WebSession member = server().browser().signUpConfirmed("feed-host");
        member.get("/papers/for-you");
        HttpResponse<String> made = member.postRaw(
                "/papers/for-you/feed", java.util.Map.of("action", "new", "_csrf", member.csrf()), java.util.Map.of());
        assertThat(made.body()).contains(server().url("/feeds/for-you/"));
        java.util.regex.Matcher path = java.util.regex.Pattern.compile("(/feeds/for-you/[A-Za-z0-9_-]+\\.atom)")
                .matcher(made.body());
        assertThat(path.find()).isTrue();

        String feed = rawBody("GET " + path.group(1) + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(feed).contains("<feed").doesNotContain("evil.example");
    }

    private static String rawHead(String request) throws Exception {
        String response = raw(request);
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end);
    }

    private static String rawBody(String request) throws Exception {
        String response = raw(request);
        assertThat(response).startsWith("HTTP/1.1 200");
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static String raw(String request) throws Exception {
        URI site = URI.create(server().url("/"));
        try (Socket socket = new Socket(site.getHost(), site.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (java.io.IOException e) {
                // The server may answer and close before it has read all of an oversized request.
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
