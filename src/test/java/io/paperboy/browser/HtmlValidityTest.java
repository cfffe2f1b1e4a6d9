package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page type validates with the Nu HTML Checker (vnu.jar, the W3C's validator). */
@Tag("browser")
final class HtmlValidityTest {
    private static final List<String> PAGES = List.of(
            "/",
            "/papers/date/2026-06-12",
            "/papers/date/2001-01-01",
            "/papers/week/2026-W24",
            "/papers/month/2026-06",
            "/papers/trending",
            "/papers/date/2026-06-12?code=1&cat=cs",
            "/papers/0704.0001",
            "/papers/2606.13681",
            "/papers",
            "/papers?q=diphoton",
            "/papers/2401.99999",
            "/papers/date/2024-13-45",
            "/signup",
            "/login",
            "/reset",
            "/reset?token=unknown",
            "/login?signed-up",
            "/about/ranking",
            "/subscribe",
            "/subscribe/confirm?token=unknown",
            "/unsubscribe/1.forged");
    // Pages as a signed-in member sees them: account links, forms with CSRF tokens, settings.
    private static final List<String> MEMBER_PAGES = List.of(
            "/",
            "/papers/0704.0001",
            "/settings",
            "/settings?welcome",
            "/papers?q=diphoton",
            "/saved?show=all",
            "/submit",
            "/settings/digest",
            "/papers/for-you",
            "/verify?token=unknown");

    @TempDir
    Path dir;

    @Test
    void everyPageType_hasNoValidationErrorOrWarning() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        try (TestServer server = new TestServer(dir)) {
            for (String page : PAGES) {
                pages.put(page, server.get(page).body());
            }
            WebSession member = server.browser().signUpConfirmed("validator");
            for (String page : MEMBER_PAGES) {
                pages.put("member " + page, member.get(page).body());
            }
            pages.put(
                    "for you: a new private feed address",
                    member.post("/papers/for-you/feed", Map.of("action", "new")).body());
            pages.put(
                    "for you: with a private feed",
                    member.get("/papers/for-you").body());
            WebSession typo = server.browser();
            typo.get("/signup");
            pages.put(
                    "sign-up with errors",
                    typo.post("/signup", Map.of("email", "nope", "name", "x", "password", "short"))
                            .body());
            // Submissions: a refused id, a member's submission on its day, a curator's already-featured answer.
            member.get("/submit");
            pages.put(
                    "submit with errors",
                    member.post("/submit", Map.of("arxiv", "nope")).body());
            member.post("/submit", Map.of("arxiv", "0704.0002"));
            pages.put(
                    "listing with a submission",
                    member.get("/papers/date/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                            .body());
            server.promote("validator", io.paperboy.web.Role.CURATOR);
            pages.put(
                    "curator: already featured",
                    member.post("/submit", Map.of("arxiv", "2606.00467")).body());
            pages.put("curator: paper page", member.get("/papers/0704.0001").body());
        }

        assertThat(NuChecker.problems(dir, pages)).isEmpty();
    }

    @Test
    void commentThreads_asACuratorSeesThemWithEveryForm_andTheFormPageOfAProblem_validate() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        try (TestServer server = new TestServer(dir)) {
            WebSession carol = CommentFixtures.discussion(server, "2606.13681", "nu");
            pages.put("curator's paper page", carol.get("/papers/2606.13681").body());
            pages.put(
                    "anonymous paper page",
                    server.get("/papers/2606.13681?anonymous").body());
            pages.put(
                    "comment form page",
                    carol.post("/papers/2606.13681/comments", Map.of("body", " "))
                            .body());
        }

        assertThat(NuChecker.problems(dir, pages)).isEmpty();
    }
}
