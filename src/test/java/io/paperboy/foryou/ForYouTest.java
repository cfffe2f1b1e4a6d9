package io.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "For you" on real BGE-small embeddings of the sample papers: papers like those a member liked, each with why. */
final class ForYouTest {
    private static final Pattern ITEM = Pattern.compile("<a class=\"paper-link\" href=\"/papers/([^\"]+)\">");
    private static final Pattern WHY = Pattern.compile(
            "<p class=\"why\">like <a href=\"/papers/([^\"]+)\"><em>[^<]*</em></a>, which you (upvoted|saved)</p>");
    private static final Pattern FEED_URL =
            Pattern.compile("http://[^<\\s]+(/feeds/for-you/([A-Za-z0-9_-]{43})\\.atom)");
    private static final Pattern ENTRY_LINK = Pattern.compile(
            "<entry>\\s*<title>[^<]*</title>\\s*<link rel=\"alternate\" href=\"[^\"]*/papers/([^\"]+)\"");
    private static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("paperboy-foryou");
        server = TestServer.withEmbeddings(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMemberWhoLikedNothing_isToldWhatToDo() throws Exception {
        WebSession ada = server.browser().signUpConfirmed("new-reader");
        assertThat(ada.get("/papers/for-you").body()).contains("Upvote or save a few papers");
    }

    @Test
    void papersLikeTheLikedOnes_areListed_withTheLikedPaperTheyResemble_andNeverTheLikedOnesThemselves()
            throws Exception {
        WebSession ada = server.browser().signUpConfirmed("taste");
        // Two Hugging Face papers of the seed about language models: one upvoted, one saved.
        assertThat(ada.post("/papers/2506.09560/upvote", Map.of("action", "upvote"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(ada.post("/papers/2306.15794/save", Map.of("action", "save")).statusCode())
                .isEqualTo(303);

        String page = ada.get("/papers/for-you").body();
        List<String> items = ITEM.matcher(page).results().map(m -> m.group(1)).toList();
        List<String> reasons = WHY.matcher(page)
                .results()
                .map(m -> m.group(1) + " " + m.group(2))
                .toList();

        assertThat(items)
                .hasSizeGreaterThanOrEqualTo(10)
                .doesNotContain("2506.09560", "2306.15794")
                .doesNotHaveDuplicates();
        assertThat(reasons)
                .hasSameSizeAs(items)
                .allMatch(r -> r.equals("2506.09560 upvoted") || r.equals("2306.15794 saved"));
    }

    @Test
    void privateFeed_listsThePicksWithTheirReason_andAReplacedOrRevokedAddressIsRefusedAtOnce() throws Exception {
        WebSession ada = server.browser().signUpConfirmed("feedreader");
        ada.post("/papers/2506.09560/upvote", Map.of("action", "upvote"));
        assertThat(ada.get("/papers/for-you").body()).contains("Make a private feed address");

        String first = newFeedPath(ada);
        var feed = server.get(first);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
        List<String> entries =
                ENTRY_LINK.matcher(feed.body()).results().map(m -> m.group(1)).toList();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(10).doesNotContain("2506.09560");
        String title = server.get("/api/papers/2506.09560").body().replaceAll("(?s).*\"title\":\"([^\"]+)\".*", "$1");
        assertThat(feed.body().split(Pattern.quote("like " + title + ", which you upvoted"), -1))
                .hasSize(entries.size() + 1);

        assertThat(ada.get("/papers/for-you").body())
                .contains("You have a private feed address")
                .doesNotContain(first);
        String second = newFeedPath(ada);
        assertThat(server.get(first).statusCode()).as("the replaced address").isEqualTo(404);
        assertThat(server.get(second).statusCode()).isEqualTo(200);
        assertThat(ada.post("/papers/for-you/feed", Map.of("action", "off")).statusCode())
                .isEqualTo(303);
        assertThat(server.get(second).statusCode()).as("the revoked address").isEqualTo(404);
        assertThat(server.get("/feeds/for-you/" + "A".repeat(43) + ".atom").statusCode())
                .isEqualTo(404);
        assertThat(server.get("/feeds/for-you/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void aPrivateFeedWithoutPicksYet_isDatedNow_never1970_andNamesNoEmptyAuthor() throws Exception {
        WebSession cy = server.browser().signUpConfirmed("feedempty");
        cy.get("/papers/for-you");

        var feed = server.get(newFeedPath(cy));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body())
                .contains("<updated>" + java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                .doesNotContain("1970-01-01")
                .doesNotContainPattern("<name\\s*/>");
    }

    @Test
    void privateFeed_isStoredOnlyAsAHash_andMadeOnlyWithTheMembersCsrfToken() throws Exception {
        WebSession bea = server.browser().signUpConfirmed("feedhash");
        String token = FEED_URL.matcher(bea.post("/papers/for-you/feed", Map.of("action", "new"))
                        .body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(2);
        List<String> stored = server.db()
                .withHandle(h -> h.createQuery("SELECT token_hash FROM foryou_feed_tokens")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).isNotEmpty().noneMatch(hash -> hash.contains(token));

        var forged = bea.postRaw("/papers/for-you/feed", Map.of("action", "new"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(bea.post("/papers/for-you/feed", Map.of("action", "sideways"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPickSavedAndMarkedRead_leavesThePageAndThePrivateFeed_whichThePageCacheNeverKept() throws Exception {
        WebSession cy = server.browser().signUpConfirmed("hideread");
        cy.post("/papers/2506.09560/upvote", Map.of("action", "upvote"));
        String feed = newFeedPath(cy);
        // From here on the change number stays put, so an answer the cache kept would be served again.
        server.awaitChangesSeen();
        var answer = server.get(feed);
        assertThat(answer.headers().firstValue("ETag"))
                .as("the page cache tags every answer it keeps")
                .isEmpty();
        String top = ENTRY_LINK
                .matcher(answer.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        assertThat(ITEM.matcher(cy.get("/papers/for-you").body()).results().map(m -> m.group(1)))
                .contains(top);

        // Saving and reading take no change number (nothing anyone else sees changes): a feed kept
        // by the page cache would still list the paper.
        cy.post("/papers/" + top + "/save", Map.of("action", "save"));
        cy.post("/saved/" + top, Map.of("action", "read"));

        assertThat(ENTRY_LINK.matcher(server.get(feed).body()).results().map(m -> m.group(1)))
                .isNotEmpty()
                .doesNotContain(top);
        assertThat(ITEM.matcher(cy.get("/papers/for-you").body()).results().map(m -> m.group(1)))
                .isNotEmpty()
                .doesNotContain(top);
    }

    private static String newFeedPath(WebSession member) throws Exception {
        var made = member.post("/papers/for-you/feed", Map.of("action", "new"));
        assertThat(made.statusCode()).isEqualTo(200);
        java.util.regex.Matcher m = FEED_URL.matcher(made.body());
        assertThat(m.find()).as("a private feed URL in the page").isTrue();
        return m.group(1);
    }

    @Test
    void theFeed_isForMembersOnly() throws Exception {
        var anonymous = server.get("/papers/for-you");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fpapers%2Ffor-you");
    }

    @Test
    void withoutEmbeddings_papersSharingTheLikedPapersWords_areListedWithTheirReason() throws Exception {
        try (TestServer plain = new TestServer(Files.createTempDirectory(dir, "plain"))) {
            WebSession bob = plain.browser().signUpConfirmed("no-vectors");
            bob.post("/papers/0704.0001/upvote", Map.of("action", "upvote"));

            String page = bob.get("/papers/for-you").body();

            assertThat(page)
                    .doesNotContain("has not embedded")
                    .contains("which you upvoted")
                    .contains("Calculation of prompt diphoton production")
                    .doesNotContain("<a class=\"paper-link\" href=\"/papers/0704.0001\">");
            assertThat(page.split("class=\"paper-card").length - 1).isGreaterThanOrEqualTo(5);
        }
    }
}
