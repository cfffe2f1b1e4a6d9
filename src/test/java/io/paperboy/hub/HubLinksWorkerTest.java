package io.paperboy.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.Site;
import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperExtras;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hub worker against a local server answering as the Hub's list APIs do, on a real store. */
final class HubLinksWorkerTest {
    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private HubReplay hub;
    private Database db;
    private List<Paper> papers;

    @BeforeEach
    void start() throws Exception {
        hub = new HubReplay();
        hub.cite("models", "2312.00752", 7);
        hub.cite("datasets", "2312.00752", 1);
        hub.cite("spaces", "2312.00752", 2);
        open(TestStore.SQLITE);
    }

    private void open(TestStore store) {
        db = store.open(dir);
        papers = List.of(
                Paper.builder("2312.00752", "Mamba").build(),
                Paper.builder("2401.00002", "Uncited").build(),
                Paper.builder("pb-local0001", "Not on arXiv").build());
        db.useTransaction(h -> new PaperService(db).store(h, papers));
    }

    @AfterEach
    void stop() {
        hub.close();
        db.close();
    }

    private HubLinksWorker worker() {
        return new HubLinksWorker(
                db, () -> papers, new HubSettings(hub.base(), Duration.ZERO, "ops@example.org"), clock);
    }

    private Map<String, PaperExtras.HubLinks> links() {
        return new HubLinks(db).ofAll(List.of("2312.00752", "2401.00002", "pb-local0001"));
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void countsEveryPage_andKeepsTheMostLikedFive(TestStore store) throws Exception {
        db.close();
        open(store);
        hub.pageSize = 3;

        assertThat(worker().refreshDue()).isEqualTo(2);

        PaperExtras.HubLinks mamba = links().get("2312.00752");
        assertThat(mamba.models().total()).isEqualTo(7);
        assertThat(mamba.models().top())
                .extracting(PaperExtras.Item::id)
                .containsExactly("org/models-0", "org/models-1", "org/models-2", "org/models-3", "org/models-4");
        assertThat(mamba.models().top().get(0)).isEqualTo(new PaperExtras.Item("org/models-0", 1000, 10000));
        assertThat(mamba.datasets().total()).isEqualTo(1);
        assertThat(mamba.spaces().top()).extracting(PaperExtras.Item::downloads).containsOnlyNulls();
        assertThat(links().get("2401.00002").total()).isZero();
        // Three pages of models (Link rel=next), one of datasets, one of spaces; nothing for the local paper.
        assertThat(hub.seen)
                .filteredOn(s -> s.contains("2312.00752"))
                .containsExactly(
                        "models arxiv:2312.00752",
                        "models arxiv:2312.00752 cursor=3",
                        "models arxiv:2312.00752 cursor=6",
                        "datasets arxiv:2312.00752",
                        "spaces arxiv:2312.00752");
        assertThat(hub.seen).noneMatch(s -> s.contains("pb-local"));
    }

    @Test
    void aTooManyRequests_stopsEveryRequestForTheTimeTheHubNames_andKeepsTheLastGoodCounts() throws Exception {
        HubLinksWorker worker = worker();
        worker.refreshDue();
        hub.cite("models", "2312.00752", 9);
        clock.advance(Duration.ofDays(1));
        hub.seen.clear();
        hub.queue(HubReplay.tooManyRequests(55));

        worker.refreshDue();
        assertThat(hub.seen).hasSize(1);
        assertThat(links().get("2312.00752").models().total()).isEqualTo(7);

        clock.advance(Duration.ofSeconds(50));
        worker.refreshDue();
        assertThat(hub.seen).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        worker.refreshDue();
        assertThat(links().get("2312.00752").models().total()).isEqualTo(9);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aTooManyRequestsHeardByOneNode_keepsTheOtherNodeFromAskingForTheTimeTheHubNames(TestStore store)
            throws Exception {
        db.close();
        open(store);
        HubLinksWorker one = worker();
        HubLinksWorker two = worker();
        hub.queue(HubReplay.tooManyRequests(55));

        one.refreshDue();
        assertThat(hub.seen).hasSize(1);

        // The other node finds both arXiv papers due, never asked about, and still asks nothing.
        two.refreshDue();
        clock.advance(Duration.ofSeconds(50));
        two.refreshDue();
        assertThat(hub.seen).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(two.refreshDue()).isEqualTo(2);
        assertThat(links().get("2312.00752").models().total()).isEqualTo(7);
    }

    @Test
    void serverErrors_keepTheLastGoodCounts_untilARetryAnHourLater() throws Exception {
        HubLinksWorker worker = worker();
        worker.refreshDue();
        hub.cite("models", "2312.00752", 8);
        clock.advance(Duration.ofDays(1));
        hub.queue(new HubReplay.Answer(500, Map.of(), "{\"error\":\"Internal Error\"}"));

        worker.refreshDue();
        assertThat(links().get("2312.00752").models().total()).isEqualTo(7);

        clock.advance(HubLinksWorker.RETRY.plusMinutes(1));
        worker.refreshDue();
        assertThat(links().get("2312.00752").models().total()).isEqualTo(8);
    }

    @Test
    void thePaperPage_theApi_theMarkdownAndTheCards_showWhatTheHubLists() throws Exception {
        String id = "2606.13392";
        hub.cite("models", id, 3);
        hub.cite("spaces", id, 1);
        try (TestServer server =
                new TestServer(dir.resolve("site"), site -> site.external(new Site.External(false, true)))) {
            Paper paper = new PaperService(server.db()).find(id).orElseThrow();
            new HubLinksWorker(
                            server.db(), () -> List.of(paper), new HubSettings(hub.base(), Duration.ZERO, null), clock)
                    .refreshDue();
            server.awaitChangesSeen();

            assertThat(server.get("/papers/" + id).body())
                    .contains("Models citing this paper <span class=\"count\">3</span>")
                    .contains("<a href=\"https://huggingface.co/org/models-0\" rel=\"noopener\">org/models-0</a>")
                    .contains(
                            "<a href=\"https://huggingface.co/spaces/org/spaces-0\" rel=\"noopener\">org/spaces-0</a>");
            assertThat(server.get("/api/papers/" + id).body())
                    .contains("\"numTotalModels\":3")
                    .contains("\"numTotalSpaces\":1")
                    .contains("\"linkedModels\":[{\"id\":\"org/models-0\",\"likes\":1000,\"downloads\":10000}")
                    .contains("\"numTotalDatasets\":0");
            assertThat(server.get("/api/daily_papers?date=2026-06-12").body()).contains("\"numTotalModels\":3");
            assertThat(server.get("/papers/" + id + ".md").body())
                    .contains("## Models citing this paper (3)")
                    .contains("- [org/models-0](https://huggingface.co/org/models-0) · 1000 likes · 10000 downloads");
            assertThat(server.get("/papers/date/2026-06-12").body()).contains(">3 models · 1 Space</a>");
        }
    }
}
