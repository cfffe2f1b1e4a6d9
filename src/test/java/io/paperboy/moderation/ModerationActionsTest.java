package io.paperboy.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.audit.ModerationEntry;
import io.paperboy.audit.ModerationLog;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.user.AccountService;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What curators' and admins' actions do to the site, and the one log line each leaves. */
final class ModerationActionsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String DAY = "2026-06-12";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static WebSession curator;

    private static TestServer server() {
        return SERVER.server();
    }

    @BeforeAll
    static void signInACurator() throws Exception {
        curator = server().browser().signUpConfirmed("cura-mod");
        server().promote("cura-mod", Role.CURATOR);
        curator.get("/moderation");
    }

    @Test
    void unfeaturing_takesAnEntryOffItsDayPageApiAndFeed_andRestoringBringsItBack() throws Exception {
        String paper = "2606.13594";
        assertThat(everywhereOnTheDay()).allSatisfy(body -> assertThat(body).contains(paper));

        HttpResponse<String> unfeature = curator.post(
                "/moderation/listings/unfeature",
                Map.of("paper", paper, "day", DAY, "reason", "duplicate of an earlier entry"));

        assertThat(unfeature.statusCode()).isEqualTo(303);
        assertThat(logOf(paper + "@" + DAY)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("unfeature-entry");
            assertThat(e.actorName()).isEqualTo("cura-mod");
            assertThat(e.targetKind()).isEqualTo("listing");
            assertThat(e.detail()).isEqualTo("duplicate of an earlier entry");
        });
        // Anonymous answers are cached until the store's change number moves, which the page cache sees within a poll.
        assertThat(Poll.until(
                        WAIT,
                        ModerationActionsTest::everywhereOnTheDay,
                        l -> l.stream().noneMatch(b -> b.contains(paper))))
                .allSatisfy(body -> assertThat(body).doesNotContain(paper));
        assertThat(server().get("/papers/" + paper).body()).doesNotContain("featured " + DAY);
        assertThat(curator.get("/moderation").body()).contains("/moderation/papers/" + paper);

        curator.get("/moderation/papers/" + paper);
        curator.post("/moderation/listings/restore", Map.of("paper", paper, "day", DAY));

        assertThat(logOf(paper + "@" + DAY))
                .extracting(ModerationEntry::action)
                .containsExactly("restore-entry", "unfeature-entry");
        assertThat(Poll.until(
                        WAIT,
                        ModerationActionsTest::everywhereOnTheDay,
                        l -> l.stream().allMatch(b -> b.contains(paper))))
                .allSatisfy(body -> assertThat(body).contains(paper));
    }

    @Test
    void hidingAPaper_takesItOutOfListingsSearchAndTheApi_andShowsCuratorsABanner() throws Exception {
        String paper = "2606.10423";
        String search = "/api/papers/search?q=WebChallenger";
        assertThat(Poll.until(WAIT, () -> server().get(search).body(), b -> b.contains(paper)))
                .contains(paper);

        HttpResponse<String> hide = curator.post("/moderation/papers/hide", Map.of("paper", paper, "reason", "spam"));

        assertThat(hide.statusCode()).isEqualTo(303);
        assertThat(logOf(paper)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("hide-paper");
            assertThat(e.actorName()).isEqualTo("cura-mod");
            assertThat(e.targetKind()).isEqualTo("paper");
        });
        assertThat(Poll.until(WAIT, () -> server().get(search).body(), b -> !b.contains(paper)))
                .doesNotContain(paper);
        assertThat(server().get("/papers?q=WebChallenger").body()).doesNotContain("/papers/" + paper);
        assertThat(Poll.until(
                        WAIT,
                        ModerationActionsTest::everywhereOnTheDay,
                        l -> l.stream().noneMatch(b -> b.contains(paper))))
                .allSatisfy(body -> assertThat(body).doesNotContain(paper));
        assertThat(server().get("/papers/" + paper).statusCode()).isEqualTo(410);
        assertThat(server().get("/api/papers/" + paper).statusCode()).isEqualTo(410);
        HttpResponse<String> asCurator = curator.get("/papers/" + paper);
        assertThat(asCurator.statusCode()).isEqualTo(200);
        assertThat(asCurator.body()).contains("Hidden by a curator");

        curator.get("/moderation/papers/" + paper);
        curator.post("/moderation/papers/unhide", Map.of("paper", paper));

        assertThat(logOf(paper)).extracting(ModerationEntry::action).containsExactly("unhide-paper", "hide-paper");
        assertThat(Poll.until(WAIT, () -> server().get(search).body(), b -> b.contains(paper)))
                .contains(paper);
        assertThat(server().get("/papers/" + paper).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatingAnAction_changesAndLogsNothingMore() throws Exception {
        String paper = "2606.07867";
        curator.get("/moderation/papers/" + paper);
        curator.post("/moderation/papers/hide", Map.of("paper", paper));

        HttpResponse<String> again = curator.post("/moderation/papers/hide", Map.of("paper", paper));

        assertThat(again.headers().firstValue("location")).hasValue("/moderation/papers/" + paper + "?done=unchanged");
        assertThat(logOf(paper)).hasSize(1);
    }

    @Test
    void unknownTargets_areNotFound_andBadFieldsAreNamed() throws Exception {
        assertThat(curator.post("/moderation/papers/hide", Map.of("paper", "2401.99999"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(curator.post("/moderation/listings/unfeature", Map.of("paper", "2606.12451", "day", "2020-01-01"))
                        .body())
                .contains("2606.12451 was not featured on 2020-01-01");
        HttpResponse<String> badDay =
                curator.post("/moderation/listings/unfeature", Map.of("paper", "2606.12451", "day", "soon"));
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("day: use YYYY-MM-DD, not &#39;soon&#39;");
        assertThat(curator.post("/moderation/claims/424242/approve", Map.of()).statusCode())
                .isEqualTo(404);
        // A curator may paste any form of the id into the overview's box.
        assertThat(curator.get("/moderation/papers?id=https://arxiv.org/abs/2606.12451v2")
                        .headers()
                        .firstValue("location"))
                .hasValue("/moderation/papers/2606.12451");
        // What the box refuses is typed, so 422 with the reason, as for every form refused for its content.
        HttpResponse<String> empty = curator.get("/moderation/papers?id=+");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id: required");
        assertThat(curator.get("/moderation/papers?id=not-an-id").statusCode()).isEqualTo(422);
    }

    @Test
    void anAdmin_changesARole_andTheLogSaysFromWhatToWhat() throws Exception {
        WebSession admin = server().browser().signUpConfirmed("roles-admin");
        server().promote("roles-admin", Role.ADMIN);
        server().browser().signUpConfirmed("roles-member");
        admin.get("/moderation/members");

        HttpResponse<String> response =
                admin.post("/moderation/members/role", Map.of("name", "roles-member", "role", "curator"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(logOf("roles-member")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("set-role");
            assertThat(e.actorName()).isEqualTo("roles-admin");
            assertThat(e.targetKind()).isEqualTo("user");
            assertThat(e.detail()).isEqualTo("member → curator");
        });
        assertThat(admin.get(response.headers().firstValue("location").orElseThrow())
                        .body())
                .contains("Role changed.");
        HttpResponse<String> bad =
                admin.post("/moderation/members/role", Map.of("name", "roles-member", "role", "king"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown role &#39;king&#39;: use member, curator or admin");
    }

    @Test
    void theLastAdmin_cannotDemoteThemselves_butCanOnceThereIsAnother() throws Exception {
        WebSession solo = server().browser().signUpConfirmed("solo-admin");
        // This server's other admins, if any test made one, step down first: the rule is about the last one.
        server().db()
                .useTransaction(h -> h.createUpdate("UPDATE users SET role = 'member' WHERE role = 'admin'")
                        .execute());
        server().promote("solo-admin", Role.ADMIN);
        solo.get("/moderation/members");

        HttpResponse<String> refused =
                solo.post("/moderation/members/role", Map.of("name", "solo-admin", "role", "member"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("solo-admin is the last admin: make another member admin first");
        assertThat(logOf("solo-admin")).isEmpty();

        server().browser().signUpConfirmed("second-admin");
        solo.post("/moderation/members/role", Map.of("name", "second-admin", "role", "admin"));
        HttpResponse<String> stepDown =
                solo.post("/moderation/members/role", Map.of("name", "solo-admin", "role", "member"));

        assertThat(stepDown.statusCode()).isEqualTo(303);
        assertThat(logOf("solo-admin"))
                .singleElement()
                .extracting(ModerationEntry::detail)
                .isEqualTo("admin → member");
    }

    @Test
    void theLogPage_listsNewestFirst_fiftyAPage() throws Exception {
        Member actor = new AccountService(
                        server().db(), server().mail().mailer(), new SiteUrl("http://localhost"), Clock.systemUTC())
                .byName("cura-mod")
                .orElseThrow()
                .member();
        server().db().useTransaction(h -> {
            for (int i = 1; i <= ModerationPages.LOG_PAGE_SIZE + 5; i++) {
                new ModerationLog().record(h, actor, "test-action", "paper", "log-page-" + i, "");
            }
        });

        String first = curator.get("/moderation/log").body();

        int newest = ModerationPages.LOG_PAGE_SIZE + 5;
        assertThat(first)
                .contains("paper log-page-" + newest + "<")
                .contains("paper log-page-6<")
                .doesNotContain("paper log-page-5<");
        assertThat(first.indexOf("log-page-" + newest + "<")).isLessThan(first.indexOf("log-page-6<"));
        String older = first.replaceAll("(?s).*href=\"(/moderation/log\\?before=\\d+)\" rel=\"next\".*", "$1");
        assertThat(older).startsWith("/moderation/log?before=");
        assertThat(curator.get(older).body())
                .contains("paper log-page-5<")
                .contains("paper log-page-1<")
                .doesNotContain("paper log-page-6<");
    }

    @Test
    void theLogPage_saysWhenToTheMinuteInUtc_withTheExactInstantForMachines() throws Exception {
        Member actor = new AccountService(
                        server().db(), server().mail().mailer(), new SiteUrl("http://localhost"), Clock.systemUTC())
                .byName("cura-mod")
                .orElseThrow()
                .member();
        server().db().useTransaction(h -> new ModerationLog().record(h, actor, "test-action", "paper", "log-time", ""));

        String page = curator.get("/moderation/log").body();

        assertThat(page)
                .containsPattern(
                        "<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</time>")
                .doesNotContainPattern("<td>\\d{4}-\\d\\d-\\d\\dT");
    }

    /** The day's page, its API answer and its feed, as an anonymous reader gets them. */
    private static List<String> everywhereOnTheDay() throws Exception {
        return List.of(
                server().get("/papers/date/" + DAY).body(),
                server().get("/api/daily_papers?date=" + DAY).body(),
                server().get("/feeds/daily.atom?date=" + DAY).body());
    }

    private static List<ModerationEntry> logOf(String targetId) {
        return server().db().withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 10_000)).stream()
                .filter(e -> e.targetId().equals(targetId))
                .toList();
    }
}
