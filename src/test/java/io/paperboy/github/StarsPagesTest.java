package io.paperboy.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.Site;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stars on cards, the paper page, the API and the Markdown, served from the store whatever GitHub answers. */
final class StarsPagesTest {
    private static final String ID = "2606.13392"; // the sample day's paper with code at MiniMax-AI/MSA

    @TempDir
    Path dir;

    @Test
    void cardsAndThePaperPage_showTheLastGoodCount_evenWhileGithubFails() throws Exception {
        try (GithubReplay github = new GithubReplay();
                TestServer server = new TestServer(dir, site -> site.external(new Site.External(true, false)))) {
            github.repo("MiniMax-AI/MSA", 1234);
            MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
            Paper paper = new PaperService(server.db()).find(ID).orElseThrow();
            StarsWorker worker = new StarsWorker(
                    server.db(),
                    () -> List.of(paper),
                    new GithubSettings(github.base(), null, Duration.ZERO, "ops@example.org"),
                    clock);
            worker.refreshDue();
            server.awaitChangesSeen();

            assertThat(server.get("/papers/date/2026-06-12").body())
                    .contains("<span class=\"stars\" title=\"1234 stars on GitHub\">★ 1.2k</span>");
            assertThat(server.get("/papers/" + ID).body()).contains("★ 1,234");
            assertThat(server.get("/api/papers/" + ID).body()).contains("\"githubStars\":1234");
            assertThat(server.get("/papers/" + ID + ".md").body()).contains("- **GitHub stars:** 1234");

            // The next day GitHub fails: pages keep the last good count.
            github.queue("MiniMax-AI/MSA", GithubReplay.serverError(503));
            clock.advance(Duration.ofDays(1));
            worker.refreshDue();
            assertThat(github.seen).hasSize(2);
            assertThat(server.get("/api/papers/" + ID).body()).contains("\"githubStars\":1234");
        }
    }

    @Test
    void withoutTheOption_noStarsAreShown_thoughSomeAreStored() throws Exception {
        try (GithubReplay github = new GithubReplay();
                TestServer server = new TestServer(dir)) {
            github.repo("MiniMax-AI/MSA", 1234);
            Paper paper = new PaperService(server.db()).find(ID).orElseThrow();
            new StarsWorker(
                            server.db(),
                            () -> List.of(paper),
                            new GithubSettings(github.base(), null, Duration.ZERO, null),
                            java.time.Clock.systemUTC())
                    .refreshDue();
            server.awaitChangesSeen();

            assertThat(server.get("/papers/" + ID).body()).doesNotContain("★");
            assertThat(server.get("/api/papers/" + ID).body()).contains("\"githubStars\":null");
        }
    }
}
