package io.paperboy.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.audit.ModerationLog;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may use the moderation routes: curators (admins for roles); members get 403, strangers the login page. */
final class ModerationGuardTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String PAPER = "2606.12730";
    private static final String DAY = "2026-06-12";

    private static TestServer server() {
        return SERVER.server();
    }

    @BeforeAll
    static void aPendingClaimExists() throws Exception {
        WebSession claimant = server().browser().signUpConfirmed("guard-claimant");
        claimant.get("/papers/" + PAPER);
        assertThat(claimant.post("/claims", Map.of("paper", PAPER, "author", "Pengrui Han"))
                        .statusCode())
                .isEqualTo(303);
    }

    /** Every curator action: GET pages and the form posts, with fields that would work for a curator. */
    static Stream<Arguments> curatorActions() {
        return Stream.of(
                Arguments.of("GET", "/moderation", Map.of()),
                Arguments.of("GET", "/moderation/log", Map.of()),
                Arguments.of("GET", "/moderation/claims", Map.of()),
                Arguments.of("GET", "/moderation/papers/" + PAPER, Map.of()),
                Arguments.of("POST", "/moderation/claims/1/approve", Map.of()),
                Arguments.of("POST", "/moderation/claims/1/reject", Map.of()),
                Arguments.of("POST", "/moderation/listings/unfeature", Map.of("paper", PAPER, "day", DAY)),
                Arguments.of("POST", "/moderation/listings/restore", Map.of("paper", PAPER, "day", DAY)),
                Arguments.of("POST", "/moderation/papers/hide", Map.of("paper", PAPER)),
                Arguments.of("POST", "/moderation/papers/unhide", Map.of("paper", PAPER)),
                Arguments.of("GET", "/moderation/members", Map.of()),
                Arguments.of("POST", "/moderation/members/role", Map.of("name", "guard-claimant", "role", "admin")),
                Arguments.of("GET", "/moderation/no-such-page", Map.of()));
    }

    @Test
    void theHeader_leadsCuratorsAndAdminsToModeration_andNobodyElse() throws Exception {
        WebSession member = server().browser().signUpConfirmed("guard-header-m");
        WebSession curator = server().browser().signUpConfirmed("guard-header-c");
        WebSession admin = server().browser().signUpConfirmed("guard-header-a");
        server().promote("guard-header-c", Role.CURATOR);
        server().promote("guard-header-a", Role.ADMIN);
        String link = "<a href=\"/moderation\"";

        assertThat(curator.get("/").body()).contains(link);
        assertThat(admin.get("/papers/" + PAPER).body()).contains(link);
        assertThat(admin.get("/moderation").body()).contains(link + " aria-current=\"page\">Moderation</a>");
        assertThat(member.get("/").body()).doesNotContain(link);
        assertThat(server().get("/?fresh=" + System.nanoTime()).body()).doesNotContain(link);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curatorActions")
    void aMember_usingACuratorAction_gets403_andChangesNothing(String method, String path, Map<String, String> fields)
            throws Exception {
        WebSession member = server().browser().signUpConfirmed("guard-m-" + Math.abs((method + path).hashCode()));
        int logBefore = logSize();

        HttpResponse<String> response = method.equals("GET") ? member.get(path) : member.post(path, fields);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("this needs the curator role");
        assertThat(logSize()).isEqualTo(logBefore);
        assertThat(server().get("/papers/" + PAPER).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("curatorActions")
    void anAnonymousVisitor_isSentToLogIn(String method, String path, Map<String, String> fields) throws Exception {
        WebSession stranger = server().browser();
        stranger.get("/login"); // a real token: the guard, not the CSRF check, must be what turns it away

        HttpResponse<String> response = method.equals("GET") ? stranger.get(path) : stranger.post(path, fields);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
    }

    @Test
    void aCurator_cannotChangeRoles_orSeeTheMembersPage() throws Exception {
        WebSession curator = server().browser().signUpConfirmed("guard-curator");
        server().promote("guard-curator", Role.CURATOR);
        curator.get("/moderation");
        int logBefore = logSize();

        HttpResponse<String> members = curator.get("/moderation/members");
        HttpResponse<String> promote =
                curator.post("/moderation/members/role", Map.of("name", "guard-curator", "role", "admin"));

        assertThat(members.statusCode()).isEqualTo(403);
        assertThat(promote.statusCode()).isEqualTo(403);
        assertThat(promote.body()).contains("this needs the admin role");
        assertThat(logSize()).isEqualTo(logBefore);
        // The curator's own pages still open, and link no members page.
        assertThat(curator.get("/moderation").body()).doesNotContain("/moderation/members");
    }

    @Test
    void aCuratorAction_withoutTheCsrfToken_isRefused() throws Exception {
        WebSession curator = server().browser().signUpConfirmed("guard-csrf");
        server().promote("guard-csrf", Role.CURATOR);
        int logBefore = logSize();

        HttpResponse<String> response = curator.postRaw("/moderation/papers/hide", Map.of("paper", PAPER), Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no CSRF token");
        assertThat(logSize()).isEqualTo(logBefore);
        assertThat(server().get("/papers/" + PAPER).statusCode()).isEqualTo(200);
    }

    private static int logSize() {
        return server().db()
                .withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 10_000))
                .size();
    }
}
