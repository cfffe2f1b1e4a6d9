package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.audit.ModerationEntry;
import io.paperboy.audit.ModerationLog;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claiming an author name on a paper page, and a curator's decision, through a real server. */
final class ClaimPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CLAIM_ID = Pattern.compile("id=\"claim-(\\d+)\"");

    private static WebSession curator;

    private static TestServer server() {
        return SERVER.server();
    }

    @BeforeAll
    static void signInACurator() throws Exception {
        curator = server().browser().signUpConfirmed("claims-curator");
        server().promote("claims-curator", Role.CURATOR);
    }

    @Test
    void aClaim_waitsForACurator_thenShowsOnThePaperPageAndTheProfile() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("yujun");
        ada.get("/papers/2606.13174");

        HttpResponse<String> sent = ada.post("/claims", Map.of("paper", "2606.13174", "author", "Yujun Zhou"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("location")).hasValue("/u/yujun?claim=sent");
        assertThat(ada.get("/u/yujun?claim=sent").body())
                .contains("Claim sent")
                .contains("as Yujun Zhou · <span class=\"claim-pending\">pending</span>");
        assertThat(server().get("/u/yujun").body()).doesNotContain("pending").contains("No claimed papers yet.");
        assertThat(server().get("/papers/2606.13174").body()).doesNotContain("href=\"/u/yujun\"");

        long id = pendingClaimOf("yujun");
        HttpResponse<String> approved = curator.post("/moderation/claims/" + id + "/approve", Map.of());

        assertThat(approved.statusCode()).isEqualTo(303);
        // The anonymous page was cached before the approval; the page cache notices the store's change within a poll.
        assertThat(Poll.until(WAIT, () -> server().get("/papers/2606.13174").body(), b -> b.contains("(claimed)")))
                .contains(
                        "<a href=\"/u/yujun\" class=\"claimed\" title=\"claimed by yujun\">Yujun Zhou</a> <span class=\"claimed-mark\">(claimed)</span>");
        assertThat(server().get("/u/yujun").body())
                .contains("href=\"/papers/2606.13174\"")
                .contains("Getting Better at Working With You")
                .contains("as Yujun Zhou");
        assertThat(logOf(id)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("approve-claim");
            assertThat(e.actorName()).isEqualTo("claims-curator");
            assertThat(e.targetKind()).isEqualTo("claim");
            assertThat(e.detail()).isEqualTo("yujun as 'Yujun Zhou' on 2606.13174");
        });
    }

    @Test
    void aRejectedClaim_showsOnlyToItsOwner_asRejected() throws Exception {
        WebSession eve = server().browser().signUpConfirmed("eve");
        eve.get("/papers/2606.11409");
        eve.post("/claims", Map.of("paper", "2606.11409", "author", "Marsha Chechik"));
        long id = pendingClaimOf("eve");

        curator.post("/moderation/claims/" + id + "/reject", Map.of());

        assertThat(eve.get("/u/eve").body()).contains("<span class=\"claim-rejected\">rejected</span>");
        assertThat(server().get("/u/eve").body()).doesNotContain("Marsha Chechik");
        assertThat(server().get("/papers/2606.11409").body()).doesNotContain("href=\"/u/eve\"");
        assertThat(logOf(id)).extracting(ModerationEntry::action).containsExactly("reject-claim");
    }

    @Test
    void aSecondClaimOnTheSamePaper_isRefusedWithTheReason() throws Exception {
        WebSession bob = server().browser().signUpConfirmed("bob-claims");
        bob.get("/papers/2606.00467");
        bob.post("/claims", Map.of("paper", "2606.00467", "author", "Etienne Casanova"));

        HttpResponse<String> again = bob.post("/claims", Map.of("paper", "2606.00467", "author", "Rafal Kocielnik"));

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("you already claimed &#39;Etienne Casanova&#39; on this paper (pending)");
    }

    @Test
    void aNameClaimedByAnother_isNoLongerOffered_andCannotBeClaimed() throws Exception {
        WebSession owner = server().browser().signUpConfirmed("owner-claims");
        owner.get("/papers/2606.12451");
        owner.post("/claims", Map.of("paper", "2606.12451", "author", "Ashutosh Hathidara"));
        curator.post("/moderation/claims/" + pendingClaimOf("owner-claims") + "/approve", Map.of());
        WebSession other = server().browser().signUpConfirmed("other-claims");

        assertThat(other.get("/papers/2606.12451").body())
                .doesNotContain("<option value=\"Ashutosh Hathidara\">")
                .contains("<option value=\"Sai Shruthi Sistla\">");
        HttpResponse<String> refused =
                other.post("/claims", Map.of("paper", "2606.12451", "author", "Ashutosh Hathidara"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("&#39;Ashutosh Hathidara&#39; on this paper is already claimed by owner-claims");
    }

    @Test
    void theClaimForm_isForVerifiedMembers_strangersGetALoginLink() throws Exception {
        String anonymous = server().get("/papers/2606.13594").body();
        assertThat(anonymous)
                .contains("href=\"/login?next=/papers/2606.13594\"")
                .doesNotContain("action=\"/claims\"");

        WebSession unverified = server().browser();
        unverified.signUp("unverified-claims");
        assertThat(unverified.get("/papers/2606.13594").body()).doesNotContain("action=\"/claims\"");
        HttpResponse<String> refused = unverified.post("/claims", Map.of("paper", "2606.13594", "author", "Siyi Chen"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("confirm your email address first");
    }

    @Test
    void aCurator_approvingTheirOwnClaim_isRefused_andTheClaimStaysPending() throws Exception {
        curator.get("/papers/2606.13594");
        curator.post("/claims", Map.of("paper", "2606.13594", "author", "Xiaoyan Zhang"));
        long id = pendingClaimOf("claims-curator");

        HttpResponse<String> refused = curator.post("/moderation/claims/" + id + "/approve", Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("you cannot approve your own claim: another curator or an admin must");
        assertThat(logOf(id)).isEmpty();
        assertThat(pendingClaimOf("claims-curator")).isEqualTo(id);
        curator.post("/moderation/claims/" + id + "/reject", Map.of()); // withdrawing it is allowed
        assertThat(curator.get("/moderation/claims").body()).doesNotContain("id=\"claim-" + id + "\"");
    }

    @Test
    void claimingSomeoneWhoIsNotAnAuthor_isRefusedWithTheAuthorsNamed() throws Exception {
        WebSession mallory = server().browser().signUpConfirmed("mallory-claims");
        mallory.get("/papers/2606.13594");

        HttpResponse<String> refused = mallory.post("/claims", Map.of("paper", "2606.13594", "author", "Alan Turing"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("author: choose one of this paper&#39;s authors: Siyi Chen, Xiaoyan Zhang");
    }

    /** The id of the one pending claim by {@code name}, as the curators' queue shows it. */
    private static long pendingClaimOf(String name) throws Exception {
        String queue = curator.get("/moderation/claims").body();
        for (String item : queue.split("<li ")) {
            Matcher m = CLAIM_ID.matcher(item);
            if (m.find() && item.contains("(" + name + ")")) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no pending claim by " + name + " in the queue:\n" + queue);
    }

    private static List<ModerationEntry> logOf(long claimId) {
        return server().db().withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 10_000)).stream()
                .filter(e -> e.targetId().equals(Long.toString(claimId)))
                .toList();
    }
}
