package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM embeds ({@code paperboy reindex --embeddings}), is killed with SIGKILL, and embedding resumes. */
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
            ChildJvm.killOnceCommitted(child, "embedding", () -> committedEmbeddedSeq(index) > 0);

            try (SearchIndex reopened = SearchIndex.open(index)) {
                long cursor = reopened.embeddedSeq();
                long waiting = papers.changedSince(cursor, SEED_PAPERS).size();
                assertThat(reopened.size()).as("the text index was complete before embedding began").isEqualTo(SEED_PAPERS);
                assertThat(cursor).as("killed mid-way").isBetween(1L, reopened.appliedSeq() - 1);
                // Papers before the cursor kept their vectors through the kill.
                assertThat(reopened.countWithoutVector()).isEqualTo(waiting);

                int resumed = new EmbeddingWorker(papers, reopened, new Embedder()).embedPending();

                assertThat(resumed).isEqualTo(waiting);
                assertThat(reopened.countWithoutVector()).isZero();
                assertThat(reopened.embeddedSeq()).isEqualTo(reopened.appliedSeq());
            }
        }
    }

    /** The embedding cursor of the index's last commit, read beside the child that writes it. */
    private static long committedEmbeddedSeq(Path index) {
        try (FSDirectory directory = FSDirectory.open(index)) {
            String seq = SegmentInfos.readLatestCommit(directory).getUserData().get(SearchIndex.EMBEDDED_SEQ);
            return seq == null ? 0 : Long.parseLong(seq);
        } catch (IOException e) {
            return 0; // no commit yet, or one being written
        }
    }
}
