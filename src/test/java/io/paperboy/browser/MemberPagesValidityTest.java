package io.paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages only members, curators and admins see validate too: profiles, the claim form, moderation. */
@Tag("browser")
final class MemberPagesValidityTest {
    @TempDir
    Path dir;

    @Test
    void profileClaimAndModerationPages_haveNoValidationErrorOrWarning() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        try (TestServer server = new TestServer(dir)) {
            WebSession admin = server.browser().signUpConfirmed("valid-admin");
            server.promote("valid-admin", Role.ADMIN);
            admin.get("/papers/2606.13174");
            admin.post("/claims", Map.of("paper", "2606.13174", "author", "Yujun Zhou"));
            admin.get("/moderation/papers/2606.13594");
            admin.post("/moderation/listings/unfeature", Map.of("paper", "2606.13594", "day", "2026-06-12"));
            admin.post("/moderation/papers/hide", Map.of("paper", "2606.10423", "reason", "test"));
            for (String path : List.of(
                    "/papers/2606.12730",
                    "/u/valid-admin?claim=sent",
                    "/moderation",
                    "/moderation/claims",
                    "/moderation/papers/2606.13594?done=unfeatured",
                    "/moderation/papers/2606.10423",
                    "/papers/2606.10423",
                    "/moderation/members",
                    "/moderation/log")) {
                var response = admin.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                pages.put(path, response.body());
            }
        }

        assertThat(NuChecker.problems(dir, pages)).isEmpty();
    }
}
