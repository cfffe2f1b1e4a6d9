package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core of bench/cluster-check.sh in the suite (issue 14, "Many nodes"): two real servers, each
 * with its own pool and page cache, on one embedded PostgreSQL, and one browser whose requests a
 * balancer sends to either. What one node writes, the other serves: the session and its CSRF token,
 * a vote, a comment, on members' pages at once and on cached anonymous pages within seconds.
 */
final class TwoNodesTest {
    private static final Pattern FIRST_COUNT =
            Pattern.compile("<span class=\"count\">(\\d+)</span><span class=\"label\">upvotes");
    /** Anonymous pages are cached; each node's change watcher polls the store every 250 ms. */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void twoNodesOnOnePostgreSQL() throws Exception {
        a = new TestServer(Files.createDirectories(dir.resolve("a")), TestStore.POSTGRESQL);
        b = a.anotherNode(Files.createDirectories(dir.resolve("b")));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    // The count on the paper's own vote button, the first on its page.
    private static int shownUpvotes(String page) {
        Matcher m = FIRST_COUNT.matcher(page);
        assertThat(m.find()).as("a vote button on the page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aSessionStartedOnOneNode_isLoggedInOnTheOther_andItsCsrfTokenIsTaken() throws Exception {
        WebSession onA = a.browser().signUpConfirmed("two-nodes-session");
        WebSession onB = onA.on(b);

        HttpResponse<String> settings = onB.get("/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("two-nodes-session@example.org");
        // A form read on node B, sent to node A: one site secret, one session store.
        HttpResponse<String> token = onB.on(a).post("/settings/tokens", Map.of("label", "made across nodes"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(onA.on(b).get("/settings").body()).contains("made across nodes");
    }

    @Test
    void aVoteThroughOneNode_showsOnTheOthersPages() throws Exception {
        String paper = "2606.00467";
        int before = shownUpvotes(b.get("/papers/" + paper).body()); // now in B's anonymous cache
        WebSession voter = a.browser().signUpConfirmed("two-nodes-voter");
        voter.get("/papers/" + paper);

        HttpResponse<String> vote =
                voter.post("/papers/" + paper + "/upvote", Map.of("action", "upvote", "back", "/papers/" + paper));
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(303);

        String votersPageOnB = voter.on(b).get("/papers/" + paper).body();
        assertThat(shownUpvotes(votersPageOnB)).isEqualTo(before + 1);
        assertThat(votersPageOnB).contains("title=\"Remove your upvote\"");
        assertThat(Poll.until(
                        CATCH_UP, () -> shownUpvotes(b.get("/papers/" + paper).body()), n -> n == before + 1))
                .as("B's cached anonymous page, after B saw the change")
                .isEqualTo(before + 1);
    }

    @Test
    void aCommentThroughOneNode_showsOnTheOthersPages() throws Exception {
        String paper = "2606.11662";
        assertThat(a.get("/papers/" + paper).body()).doesNotContain("Said on node B"); // now in A's anonymous cache
        WebSession author = b.browser().signUpConfirmed("two-nodes-author");
        author.get("/papers/" + paper);

        HttpResponse<String> comment = author.post("/papers/" + paper + "/comments", Map.of("body", "Said on node B."));
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(303);

        assertThat(author.on(a).get("/papers/" + paper).body()).contains("Said on node B.");
        assertThat(Poll.until(
                        CATCH_UP, () -> a.get("/papers/" + paper).body(), page -> page.contains("Said on node B.")))
                .as("A's cached anonymous page, after A saw the change")
                .contains("Said on node B.");
    }
}
