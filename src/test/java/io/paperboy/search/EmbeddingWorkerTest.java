package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings follow the text in the background, with the real BGE-small model; keyword search never waits. */
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

    @Test
    void aNewPaper_isFoundByKeywordBeforeItsEmbedding_andByMeaningOnceTheWorkerRan() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir); SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            new IndexFollower(papers, index).catchUp();
            SearchService search = new SearchService(index, embedder);
            EmbeddingWorker worker = new EmbeddingWorker(papers, index, embedder);

            assertThat(keywordIds(search, "diffusion image synthesis")).first().isEqualTo("2407.00003");
            assertThat(search.rank("making pictures", 10, Ranking.VECTORS)).isEmpty();
            assertThat(worker.pending()).isEqualTo(6);

            assertThat(worker.embedPending()).isEqualTo(6);

            // By meaning only (the vector ranking); a query sharing the paper's words, since one that shares
            // none must clear the meaning floor, which these one-sentence fixtures sit below.
            assertThat(search.rank("diffusion image synthesis", 1, Ranking.VECTORS)).containsExactly("2407.00003");
            assertThat(worker.pending()).isZero();
            assertThat(index.embeddedSeq()).isEqualTo(index.appliedSeq());
            assertThat(worker.embedPending()).as("nothing left to embed").isZero();
        }
    }

    @Test
    void anEmbeddingOfAnOldVersion_neverReplacesTheNewerTextTheFollowerApplied() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir); SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            IndexFollower follower = new IndexFollower(papers, index);
            follower.catchUp();
            List<Paper> batch = papers.changedSince(0, 10);
            List<float[]> vectors = embedder.embedPapers(batch);
            db.useTransaction(h -> papers.store(h, List.of(Paper.builder("2407.00003", "Quokka counting in Rottnest")
                    .abstractText("We count quokkas on Rottnest Island.").version(2).build())));
            follower.catchUp();

            // The worker finishes a batch holding the old version after the edit was applied.
            assertThat(index.attachVectors(batch, vectors)).isEqualTo(5);

            SearchService search = new SearchService(index, embedder);
            assertThat(keywordIds(search, "quokka")).containsExactly("2407.00003");
            assertThat(keywordIds(search, "diffusion image synthesis")).doesNotContain("2407.00003");
            // The edit lies past the cursor, so it is embedded in its own turn.
            assertThat(new EmbeddingWorker(papers, index, embedder).embedPending()).isEqualTo(1);
            assertThat(index.countWithoutVector()).isZero();
            assertThat(search.rank("quokka counting", 1, Ranking.VECTORS)).containsExactly("2407.00003");
        }
    }

    @Test
    void aPaperHiddenBeforeItsEmbedding_staysOutOfTheIndex_andTheCursorMovesPastIt() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir); SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            IndexFollower follower = new IndexFollower(papers, index);
            follower.catchUp();
            db.useTransaction(h -> papers.setHidden(h, "2407.00003", true));
            follower.catchUp();

            assertThat(new EmbeddingWorker(papers, index, embedder).embedPending()).isEqualTo(6);

            // Its change was read and skipped: the worker must not write the hidden paper back.
            assertThat(index.size()).isEqualTo(5);
            assertThat(index.countWithoutVector()).isZero();
            assertThat(index.embeddedSeq()).isEqualTo(index.appliedSeq());
            assertThat(new SearchService(index, embedder).rank("diffusion image synthesis", 10, Ranking.VECTORS))
                    .doesNotContain("2407.00003");
        }
    }

    @Test
    void theCursorIsCommittedWithTheVectors_soAReopenedIndexResumesAfterIt() throws Exception {
        Path folder = dir.resolve("index");
        try (Database db = TestStore.SQLITE.open(dir)) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, SearchFixtures.papers()));
            long firstBatchEnd;
            try (SearchIndex index = SearchIndex.open(folder)) {
                new IndexFollower(papers, index).catchUp();
                List<Paper> firstTwo = papers.changedSince(0, 2);
                index.attachVectors(firstTwo, embedder.embedPapers(firstTwo));
                index.commit();
                firstBatchEnd = index.embeddedSeq();
            }

            try (SearchIndex reopened = SearchIndex.open(folder)) {
                assertThat(reopened.embeddedSeq()).isEqualTo(firstBatchEnd);
                assertThat(reopened.countWithoutVector()).isEqualTo(4);
                assertThat(new EmbeddingWorker(papers, reopened, embedder).embedPending()).isEqualTo(4);
                assertThat(reopened.countWithoutVector()).isZero();
            }
        }
    }

    @Test
    void anIndexEmbeddedInlineBeforeTheCursorExisted_isTakenAsFullyEmbedded() throws Exception {
        Path folder = dir.resolve("index");
        List<Paper> papers = new ArrayList<>();
        long seq = 1;
        for (Paper p : SearchFixtures.papers()) {
            papers.add(p.withChangeSeq(seq++));
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.apply(papers, embedder.embedPapers(papers));
        }
        // What the previous release committed: the text's change number and analyzers, no cursor.
        try (FSDirectory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperAnalyzers.perField()))) {
            writer.setLiveCommitData(Map.of(SearchIndex.APPLIED_SEQ, "6",
                    SearchIndex.ANALYZERS, PaperAnalyzers.VERSION).entrySet());
            writer.commit();
        }

        try (SearchIndex reopened = SearchIndex.open(folder)) {
            assertThat(reopened.appliedSeq()).isEqualTo(6);
            assertThat(reopened.embeddedSeq()).isEqualTo(6);
        }
    }
}
