package io.paperboy.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MovableClock;
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

/** The stars worker against a local server answering as GitHub documents, on a real store. */
final class StarsWorkerTest {
    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private GithubReplay github;
    private Database db;
    private List<Paper> papers;

    @BeforeEach
    void start() throws Exception {
        github = new GithubReplay();
        github.repo("state-spaces/mamba", 12345);
        github.repo("hazyresearch/hyena-dna", 640);
        open(TestStore.SQLITE);
    }

    private void open(TestStore store) {
        db = store.open(dir);
        papers = List.of(
                paper("2312.00752", "https://github.com/state-spaces/mamba"),
                paper("2306.15794", "https://github.com/HazyResearch/hyena-dna/tree/main"),
                paper("2401.00003", "https://github.com/nobody/deleted-repo"),
                Paper.builder("2401.00004", "No code").build());
        db.useTransaction(h -> new PaperService(db).store(h, papers));
    }

    private static Paper paper(String id, String code) {
        return Paper.builder(id, "Paper " + id)
                .links(List.of(new ArtifactLink(LinkKind.GITHUB, code)))
                .build();
    }

    @AfterEach
    void stop() {
        github.close();
        db.close();
    }

    private StarsWorker worker(String token) {
        return new StarsWorker(
                db, () -> papers, new GithubSettings(github.base(), token, Duration.ZERO, "ops@example.org"), clock);
    }

    private Map<String, Integer> stars() {
        return new GithubStars(db).ofAll(List.of("2312.00752", "2306.15794", "2401.00003", "2401.00004"));
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aFirstRound_storesEachRepositorysStars_askingAsGithubAsks(TestStore store) throws Exception {
        db.close();
        open(store);

        int stored = worker("ghp_secret").refreshDue();

        assertThat(stored).isEqualTo(3);
        assertThat(stars()).isEqualTo(Map.of("2312.00752", 12345, "2306.15794", 640));
        assertThat(github.seen)
                .extracting(GithubReplay.Seen::path)
                .containsExactly("state-spaces/mamba", "HazyResearch/hyena-dna", "nobody/deleted-repo");
        GithubReplay.Seen first = github.seen.get(0);
        assertThat(first.authorization()).isEqualTo("Bearer ghp_secret");
        assertThat(first.accept()).isEqualTo("application/vnd.github+json");
        assertThat(first.apiVersion()).isEqualTo("2022-11-28");
        assertThat(first.userAgent()).contains("ops@example.org");
        assertThat(first.ifNoneMatch()).isNull();
    }

    @Test
    void withoutAToken_noAuthorizationIsSent() throws Exception {
        worker(null).refreshDue();

        assertThat(github.seen).allSatisfy(s -> assertThat(s.authorization()).isNull());
    }

    @Test
    void nothingIsAskedAgainBeforeADay_thenTheETagMakesItA304_andTheCountStays() throws Exception {
        StarsWorker worker = worker(null);
        worker.refreshDue();
        github.seen.clear();

        clock.advance(Duration.ofHours(23));
        worker.refreshDue();
        assertThat(github.seen).isEmpty();

        clock.advance(Duration.ofHours(2));
        int remainingBefore = github.remaining;
        worker.refreshDue();

        // The two known repositories are asked conditionally; the replay answered 304 without spending the limit.
        assertThat(github.seen)
                .filteredOn(s -> !s.path().startsWith("nobody"))
                .allSatisfy(s -> assertThat(s.ifNoneMatch()).startsWith("W/\""));
        assertThat(github.remaining).isEqualTo(remainingBefore);
        assertThat(stars()).isEqualTo(Map.of("2312.00752", 12345, "2306.15794", 640));
    }

    @Test
    void aChangedCount_isStored_andMovesTheChangeNumberSoCachedPagesRefresh() throws Exception {
        StarsWorker worker = worker(null);
        worker.refreshDue();
        long before = db.withHandle(io.paperboy.db.ChangeSequence::current);

        github.repo("state-spaces/mamba", 12400);
        clock.advance(Duration.ofDays(1));
        worker.refreshDue();

        assertThat(stars()).containsEntry("2312.00752", 12400);
        assertThat(db.withHandle(io.paperboy.db.ChangeSequence::current)).isGreaterThan(before);
    }

    @Test
    void anExhaustedRateLimit_stopsEveryRequestUntilTheReset_andKeepsTheLastGoodCounts() throws Exception {
        StarsWorker worker = worker(null);
        worker.refreshDue();
        clock.advance(Duration.ofDays(1));
        long reset = clock.instant().plus(Duration.ofMinutes(40)).getEpochSecond();
        github.queue("state-spaces/mamba", GithubReplay.rateLimitExhausted(reset));
        github.seen.clear();

        worker.refreshDue();
        // One refusal, then silence: the other two papers are not asked.
        assertThat(github.seen).hasSize(1);
        assertThat(stars()).isEqualTo(Map.of("2312.00752", 12345, "2306.15794", 640));

        clock.advance(Duration.ofMinutes(39));
        worker.refreshDue();
        assertThat(github.seen).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        worker.refreshDue();
        assertThat(github.seen).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aRateLimitHeardByOneNode_keepsTheOtherNodeFromAskingBeforeTheReset(TestStore store) throws Exception {
        db.close();
        open(store);
        StarsWorker one = worker(null);
        StarsWorker two = worker(null);
        long reset = clock.instant().plus(Duration.ofMinutes(40)).getEpochSecond();
        github.queue("state-spaces/mamba", GithubReplay.rateLimitExhausted(reset));

        one.refreshDue();
        assertThat(github.seen).hasSize(1);

        // The other node finds two papers due that it never asked about, and still asks nothing.
        two.refreshDue();
        clock.advance(Duration.ofMinutes(39));
        two.refreshDue();
        assertThat(github.seen).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(two.refreshDue()).isEqualTo(3);
        assertThat(github.seen).hasSize(4);
        assertThat(stars()).isEqualTo(Map.of("2312.00752", 12345, "2306.15794", 640));
    }

    @Test
    void aSecondaryLimitWithRetryAfter_waitsThatLong() throws Exception {
        github.queue("state-spaces/mamba", GithubReplay.secondaryLimit(120));
        StarsWorker worker = worker(null);

        worker.refreshDue();
        assertThat(github.seen).hasSize(1);
        clock.advance(Duration.ofSeconds(119));
        worker.refreshDue();
        assertThat(github.seen).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        worker.refreshDue();
        assertThat(stars()).containsEntry("2312.00752", 12345);
    }

    @Test
    void serverErrors_keepTheLastGoodCount_andAreTriedAgainWithinTheDay() throws Exception {
        StarsWorker worker = worker(null);
        worker.refreshDue();
        clock.advance(Duration.ofDays(1));
        github.queue("state-spaces/mamba", GithubReplay.serverError(502));
        github.queue("HazyResearch/hyena-dna", GithubReplay.serverError(500));
        github.repo("state-spaces/mamba", 13000);

        worker.refreshDue();
        assertThat(stars()).isEqualTo(Map.of("2312.00752", 12345, "2306.15794", 640));

        clock.advance(StarsWorker.RETRY.plusMinutes(1));
        worker.refreshDue();
        assertThat(stars()).containsEntry("2312.00752", 13000);
    }

    @Test
    void aRepositoryThatIsGone_showsNoStars() throws Exception {
        StarsWorker worker = worker(null);
        worker.refreshDue();
        github.repo("hazyresearch/hyena-dna", 0);
        github.queue(
                "HazyResearch/hyena-dna",
                new GithubReplay.Answer(
                        404,
                        Map.of(),
                        "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}"));

        clock.advance(Duration.ofDays(1));
        worker.refreshDue();

        assertThat(stars()).doesNotContainKey("2306.15794").containsKey("2312.00752");
    }

    @Test
    void twoNodesOnOneStore_askAboutEachRepositoryOnce() throws Exception {
        StarsWorker one = worker(null);
        StarsWorker two = worker(null);
        github.delayMillis = 150; // both rounds read every paper as due before either stores an answer

        Thread other = Thread.ofPlatform().start(() -> {
            try {
                two.refreshDue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        one.refreshDue();
        other.join();

        assertThat(github.seen).hasSize(3);
    }

    @Test
    void repositoryPaths_areReadFromCodeLinks() {
        assertThat(GithubRepo.fromUrl("https://github.com/a-b/c.d_e.git")).hasValue(new GithubRepo("a-b", "c.d_e"));
        assertThat(GithubRepo.fromUrl("https://www.github.com/o/r/blob/main/x.py"))
                .hasValue(new GithubRepo("o", "r"));
        assertThat(GithubRepo.fromUrl("https://github.com/orgs")).isEmpty();
        assertThat(GithubRepo.fromUrl("https://gitlab.com/o/r")).isEmpty();
        assertThat(GithubRepo.fromUrl("not a url")).isEmpty();
    }
}
