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
    private static final Pattern WHY = Pattern.compile("<p class=\"why\">like <a href=\"/papers/([^\"]+)\"><em>[^<]*</em></a>, which you (upvoted|saved)</p>");
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
    void papersLikeTheLikedOnes_areListed_withTheLikedPaperTheyResemble_andNeverTheLikedOnesThemselves() throws Exception {
        WebSession ada = server.browser().signUpConfirmed("taste");
        // Two Hugging Face papers of the seed about language models: one upvoted, one saved.
        assertThat(ada.post("/papers/2506.09560/upvote", Map.of("action", "upvote")).statusCode()).isEqualTo(303);
        assertThat(ada.post("/papers/2306.15794/save", Map.of("action", "save")).statusCode()).isEqualTo(303);

        String page = ada.get("/papers/for-you").body();
        List<String> items = ITEM.matcher(page).results().map(m -> m.group(1)).toList();
        List<String> reasons = WHY.matcher(page).results().map(m -> m.group(1) + " " + m.group(2)).toList();

        assertThat(items).hasSizeGreaterThanOrEqualTo(10).doesNotContain("2506.09560", "2306.15794").doesNotHaveDuplicates();
        assertThat(reasons).hasSameSizeAs(items).allMatch(r -> r.equals("2506.09560 upvoted") || r.equals("2306.15794 saved"));
    }

    @Test
    void theFeed_isForMembersOnly() throws Exception {
        var anonymous = server.get("/papers/for-you");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fpapers%2Ffor-you");
    }

    @Test
    void withoutEmbeddings_theMemberIsToldWhy() throws Exception {
        try (TestServer plain = new TestServer(Files.createTempDirectory(dir, "plain"))) {
            WebSession bob = plain.browser().signUpConfirmed("no-vectors");
            bob.post("/papers/2506.09560/upvote", Map.of("action", "upvote"));
            assertThat(bob.get("/papers/for-you").body()).contains("has not embedded the papers you liked yet");
        }
    }

}
