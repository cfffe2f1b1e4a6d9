package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook pages validate in every state they have: empty, listing destinations with a delivery
 * log and a paused one, a refused form (422), a generic webhook's secret shown once, a test's result.
 */
@Tag("browser")
final class WebhookPagesValidityTest {
    @TempDir
    Path dir;

    private static Map<String, String> form(String kind, String name, String url) {
        return Map.of(
                "kind",
                kind,
                "name",
                name,
                "url",
                url,
                "dailyTop",
                "3",
                "hour",
                "8",
                "zone",
                "UTC",
                "searches",
                "diffusion",
                "authors",
                "Yann LeCun");
    }

    @Test
    void webhookPages_haveNoValidationErrorOrWarning_inAnyState() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        try (TestServer server = new TestServer(dir, site -> site.webhooksAllowPrivate(true))) {
            WebSession admin = server.browser().signUpConfirmed("valid-hooks");
            server.promote("valid-hooks", Role.ADMIN);
            pages.put("/admin/webhooks (empty)", admin.get("/admin/webhooks").body());
            pages.put(
                    "/admin/webhooks (refused)",
                    expect(422, admin.post("/admin/webhooks", form("matrix", "", "ftp://x"))));
            pages.put(
                    "/admin/webhooks (secret)",
                    expect(200, admin.post("/admin/webhooks", form("generic", "Signed", server.url("/no-such-hook")))));
            expect(303, admin.post("/admin/webhooks", form("slack", "Slack", server.url("/no-such-hook"))));
            Matcher id = Pattern.compile("id=\"d-(\\d+)\"")
                    .matcher(admin.get("/admin/webhooks").body());
            assertThat(id.find()).isTrue();
            server.db()
                    .useTransaction(h -> h.createUpdate("UPDATE webhook_destinations SET paused = 1, "
                                    + "paused_reason = 'the receiver answered 410' WHERE name = 'Slack'")
                            .execute());
            String location = admin.post("/admin/webhooks/" + id.group(1) + "/test", Map.of())
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
            pages.put("/admin/webhooks (tested)", expect(200, admin.get(location.replaceFirst("#.*", ""))));
            pages.put("/settings/webhooks", expect(200, admin.get("/settings/webhooks")));
            WebSession unconfirmed = server.browser();
            unconfirmed.signUp("valid-unconfirmed");
            pages.put("/settings/webhooks (unconfirmed)", expect(200, unconfirmed.get("/settings/webhooks")));
        }

        assertThat(NuChecker.problems(dir, pages)).isEmpty();
    }

    private static String expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        return response.body();
    }
}
