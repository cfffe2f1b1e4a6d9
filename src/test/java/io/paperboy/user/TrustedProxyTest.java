package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.TrustedProxies;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits per client address count the real client behind trusted proxies, and a client's own
 * X-Forwarded-For never buys it a fresh address (issue 14). Reset requests are the probe: ten per
 * client address an hour.
 */
final class TrustedProxyTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> askReset(TestServer server, int i, String forwardedFor) throws Exception {
        WebSession browser = server.browser();
        browser.get("/reset");
        return browser.postRaw(
                "/reset",
                Map.of("email", "reader" + i + "@example.org", "_csrf", browser.csrf()),
                Map.of("X-Forwarded-For", forwardedFor));
    }

    @Test
    void anUntrustedClientsForgedXForwardedFor_isIgnored() throws Exception {
        try (TestServer server = new TestServer(
                dir,
                site -> site.trustedProxies(
                        TrustedProxies.of(List.of("10.9.8.7"), TrustedProxies.Header.X_FORWARDED_FOR)))) {
            for (int i = 0; i < 10; i++) {
                assertThat(askReset(server, i, "203.0.113." + i).statusCode()).isEqualTo(200);
            }

            // A new forged address each time, yet the eleventh is the same client (127.0.0.1, not a trusted proxy).
            HttpResponse<String> eleventh = askReset(server, 10, "203.0.113.10");
            assertThat(eleventh.statusCode()).isEqualTo(429);
            assertThat(eleventh.body()).contains("too many reset requests from your address");
        }
    }

    @Test
    void behindATrustedProxy_eachClientHasItsOwnLimit_andCannotForgeAnother() throws Exception {
        // The test client plays the proxy: it connects from 127.0.0.1 and appends the address it saw.
        try (TestServer server = new TestServer(
                dir,
                site -> site.trustedProxies(
                        TrustedProxies.of(List.of("127.0.0.1", "::1"), TrustedProxies.Header.X_FORWARDED_FOR)))) {
            for (int i = 0; i < 10; i++) {
                // What the client forged comes first; the proxy appended the real 198.51.100.20.
                assertThat(askReset(server, i, "10.0.0." + i + ", 198.51.100.20")
                                .statusCode())
                        .isEqualTo(200);
            }

            assertThat(askReset(server, 10, "10.0.0.99, 198.51.100.20").statusCode())
                    .isEqualTo(429);
            // Another client behind the same proxy is not held up by the first.
            assertThat(askReset(server, 11, "198.51.100.21").statusCode()).isEqualTo(200);
        }
    }
}
