package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's embedding job stores vectors once, with the real BGE-small model; the index follower
 * reads them behind the text (keyword search never waits for them).
 */
final class EmbeddingWorkerTest {
    private static Embedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        embedder = new Embedder();
    }

    private static List<String> keywordIds(SearchService search, String q) throws InvalidQueryException {
        return search.search(q, 10).hits().stream().map(SearchHit::paperId).toList();
    }

    private static int storedRows(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM paper_embeddings")
                .mapTo(Integer.class)
                .one());
    }

    private static EmbeddingWorker worker(Database db, SearchIndex index, String node) {
        return new EmbeddingWorker(
                new PaperService(db), new EmbeddingStore(db, embedder.name()), index, embedder, node);
    }

    private static IndexFollower follower(Database db, SearchIndex index) {
        return new IndexFollower(new PaperService(db), index, new EmbeddingStore(db, embedder.name()));
    }

    @Test
    void aNewPaper_isFoundByKeywordBeforeItsEmbedding_andByMeaningOnceStoredAndFollowed() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            IndexFollower follower = follower(db, index);
            follower.catchUp();
            SearchService search = new SearchService(index, embedder);
            EmbeddingWorker worker = worker(db, index, "a");

            assertThat(keywordIds(search, "diffusion image synthesis")).first().isEqualTo("2407.00003");
            assertThat(search.rank("making pictures", 10, Ranking.VECTORS)).isEmpty();
            assertThat(worker.pending()).isEqualTo(6);

            assertThat(worker.embedPending()).isEqualTo(6);
            assertThat(storedRows(db)).isEqualTo(6);
            assertThat(index.countWithoutVector())
                    .as("stored, not yet read by the index")
                    .isEqualTo(6);
            follower.catchUp();

            // By meaning only (the vector ranking); a query sharing the paper's words, since one that shares
            // none must clear the meaning floor, which these one-sentence fixtures sit below.
            assertThat(search.rank("diffusion image synthesis", 1, Ranking.VECTORS))
                    .containsExactly("2407.00003");
            assertThat(worker.pending()).isZero();
            assertThat(index.countWithoutVector()).isZero();
            assertThat(worker.embedPending()).as("nothing left to embed").isZero();
            assertThat(worker.modelRuns()).isEqualTo(6);
        }
    }

    @Test
    void aStoredEmbeddingOfAnOldVersion_neverReplacesTheNewerTextTheFollowerApplied() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            IndexFollower follower = follower(db, index);
            EmbeddingWorker worker = worker(db, index, "a");
            follower.catchUp();
            assertThat(worker.embedPending()).isEqualTo(6);
            db.useTransaction(h -> papers.store(
                    h,
                    List.of(Paper.builder("2407.00003", "Quokka counting in Rottnest")
                            .abstractText("We count quokkas on Rottnest Island.")
                            .version(2)
                            .build())));

            // The text of v2 first, then the stored vectors: v1's is skipped.
            follower.catchUp();

            SearchService search = new SearchService(index, embedder);
            assertThat(index.countWithoutVector()).isEqualTo(1);
            assertThat(keywordIds(search, "quokka")).containsExactly("2407.00003");
            assertThat(search.rank("diffusion image synthesis", 10, Ranking.VECTORS))
                    .doesNotContain("2407.00003");
            // The edit lies past the job's cursor, so it is embedded in its own turn.
            assertThat(worker.embedPending()).isEqualTo(1);
            follower.catchUp();
            assertThat(index.countWithoutVector()).isZero();
            assertThat(search.rank("quokka counting", 1, Ranking.VECTORS)).containsExactly("2407.00003");
        }
    }

    @Test
    void aPaperHiddenBeforeItsEmbedding_staysOutOfTheIndex_andShownAgainIsNotEmbeddedAgain() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            IndexFollower follower = follower(db, index);
            follower.catchUp();
            db.useTransaction(h -> papers.setHidden(h, "2407.00003", true));
            follower.catchUp();
            EmbeddingWorker worker = worker(db, index, "a");

            assertThat(worker.embedPending()).isEqualTo(6);
            follower.catchUp();

            // The follower must not write the hidden paper back with its vector.
            assertThat(index.size()).isEqualTo(5);
            assertThat(index.countWithoutVector()).isZero();
            assertThat(new SearchService(index, embedder).rank("diffusion image synthesis", 10, Ranking.VECTORS))
                    .doesNotContain("2407.00003");

            db.useTransaction(h -> papers.setHidden(h, "2407.00003", false));
            follower.catchUp();
            assertThat(worker.embedPending()).isEqualTo(1);
            follower.catchUp();
            // Its text is the same: the stored vector comes back under the new change, without the model.
            assertThat(worker.modelRuns()).isEqualTo(6);
            assertThat(index.countWithoutVector()).isZero();
            assertThat(new SearchService(index, embedder).rank("diffusion image synthesis", 1, Ranking.VECTORS))
                    .containsExactly("2407.00003");
        }
    }

    @Test
    void anIndexEmbeddedByAnEarlierRelease_givesTheJobItsVectors_withoutTheModel() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            // What a node of an earlier release had: every paper's text and vector in its own index.
            List<Paper> stored = papers.changedSince(0, 10);
            index.apply(stored, embedder.embedPapers(stored));
            index.commit();
            EmbeddingWorker worker = worker(db, index, "a");

            assertThat(worker.embedPending()).isEqualTo(6);

            assertThat(worker.modelRuns()).isZero();
            assertThat(storedRows(db)).isEqualTo(6);
        }
    }

    @Test
    void whileOneNodeHoldsTheJob_anotherEmbedsNothing_untilItsLeaseLapses() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers().subList(0, 3)));
            EmbeddingWorker first = worker(db, null, "first");
            EmbeddingWorker second = worker(db, null, "second");
            assertThat(first.embedPending()).isEqualTo(3);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers().subList(3, 6)));

            assertThat(second.embedPending()).as("the first node holds the job").isZero();
            // Two minutes later, the first node having died without giving the job back.
            db.useTransaction(h ->
                    h.createUpdate("UPDATE embedding_state SET lease_until = 0").execute());
            assertThat(second.embedPending()).isEqualTo(3);
            assertThat(first.embedPending()).as("the second node holds it now").isZero();
            assertThat(first.modelRuns() + second.modelRuns()).isEqualTo(6);
        }
    }

    @Test
    void anIdleWorker_claimsNothing_soAnIdleSiteWritesNoLease() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir)) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers().subList(0, 2)));
            EmbeddingWorker first = worker(db, null, "first");
            assertThat(first.embedPending()).isEqualTo(2);
            first.close();

            assertThat(worker(db, null, "second").embedPending()).isZero();
            assertThat(new EmbeddingStore(db, embedder.name())
                            .state()
                            .orElseThrow()
                            .holderNode())
                    .as("nothing pending: the job's row is left as the closing node left it")
                    .isNull();
        }
    }
}
