package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.Samples;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM embeds into the store ({@code paperboy reindex --embeddings}), is killed with SIGKILL, and the job resumes. */
final class KilledEmbeddingResumesTest {
    private static final int SEED_PAPERS = 114;

    @TempDir
    Path dir;

    @Test
    void embeddingKilledMidway_resumesAfterItsLastCommittedBatch_andRepeatsNothingBefore() throws Exception {
        Path index = dir.resolve("index");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            PaperService papers = new PaperService(db);
            new Importer(db, papers, new ListingService(db), LocalDate.of(2026, 11, 29))
                    .run(List.of(Samples.copy(Samples.SEED, dir)), false);
            Process child = ChildJvm.paperboy("reindex", "--embeddings", "--data", dir.toString());
            EmbeddingStore store = new EmbeddingStore(db, Embedder.BGE_SMALL);
            ChildJvm.killOnceCommitted(child, "embedding", () -> cursor(store) > 0);

            long cursor = cursor(store);
            long waiting = papers.changedSince(cursor, SEED_PAPERS).size();
            assertThat(cursor)
                    .as("killed mid-way")
                    .isBetween(1L, db.withHandle(io.paperboy.db.ChangeSequence::current) - 1);
            // Papers before the cursor kept their vectors through the kill.
            assertThat(storedRows(db)).isEqualTo(SEED_PAPERS - waiting);
            // Two minutes later: the killed node's lease has lapsed.
            db.useTransaction(h ->
                    h.createUpdate("UPDATE embedding_state SET lease_until = 0").execute());

            try (EmbeddingWorker worker = new EmbeddingWorker(papers, store, null, new Embedder(), "after the kill")) {
                int resumed = worker.embedPending();

                assertThat(resumed).isEqualTo(waiting);
                assertThat(worker.modelRuns())
                        .as("nothing before the cursor embedded again")
                        .isEqualTo(waiting);
                assertThat(storedRows(db)).isEqualTo(SEED_PAPERS);
            }
        }
    }

    private static long cursor(EmbeddingStore store) {
        return store.state().map(EmbeddingStore.State::papersSeq).orElse(0L);
    }

    private static int storedRows(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM paper_embeddings")
                .mapTo(Integer.class)
                .one());
    }
}
