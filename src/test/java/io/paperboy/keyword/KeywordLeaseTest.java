package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Horizon;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One node at a time computes the site's key phrases; another takes over when it stops. */
final class KeywordLeaseTest {
    private static final KeywordRepository REPOSITORY = new KeywordRepository();
    private static final String STATISTICAL = KeywordWorker.STATISTICAL;

    @TempDir
    Path dir;

    // Stores the papers and waits until the workers' PaperService reads them (PostgreSQL may need a second look).
    private static void store(Database db, PaperService papers, String... ids) throws Exception {
        db.useTransaction(h -> papers.store(
                h,
                Arrays.stream(ids)
                        .map(id -> Paper.builder(id, "Sparse attention " + id)
                                .abstractText("Sparse attention scales transformers.")
                                .build())
                        .toList()));
        Horizon.awaitPapers(db, papers);
    }

    private static long computedBy(Database db, String id) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM paper_keywords WHERE paper_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
    }

    private static boolean claim(Database db, String token, String node, long now, long until) {
        Boolean taken = db.inTransaction(h -> REPOSITORY.lease.claim(h, STATISTICAL, token, node, now, until));
        return taken;
    }

    private static boolean advance(Database db, String token, long seq, long until) {
        Boolean moved = db.inTransaction(h -> REPOSITORY.advance(h, STATISTICAL, token, seq, until));
        return moved;
    }

    private static long cursor(Database db) {
        Long seq = db.withHandle(h -> REPOSITORY.cursor(h, STATISTICAL));
        return seq;
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void whileOneNodeHoldsTheJob_anotherComputesNothing_andTheHolderDoesTheNewPapers(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            store(db, papers, "2401.00001", "2401.00002");
            KeywordWorker a = new KeywordWorker(db, papers, null, "node-a");
            KeywordWorker b = new KeywordWorker(db, papers, null, "node-b");

            assertThat(a.computePending()).isEqualTo(2);
            store(db, papers, "2401.00003");

            assertThat(b.computePending()).isZero();
            assertThat(computedBy(db, "2401.00003")).isZero();
            assertThat(a.computePending()).isEqualTo(1);
            assertThat(computedBy(db, "2401.00003")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aNodeThatStopsRenewing_losesTheJobOnceItsLeaseLapses(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            store(db, papers, "2401.00001");
            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isOne();
            store(db, papers, "2401.00002");
            KeywordWorker b = new KeywordWorker(db, papers, null, "node-b");
            assertThat(b.computePending()).isZero();

            // node-a was killed: nobody renews its lease, which lapses.
            db.useTransaction(
                    h -> h.execute("UPDATE keyword_cursor SET lease_until = ?", System.currentTimeMillis() - 1));

            assertThat(b.computePending()).isOne();
            assertThat(computedBy(db, "2401.00002")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aHolderWhoseJobWasTakenOver_storesNoPhrasesAndMovesNoCursor(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            long now = System.currentTimeMillis();
            assertThat(claim(db, "token-a", "node-a", now, now - 1)).isTrue();
            // node-a stalled past its lease; node-b takes the job and moves the cursor to 5.
            assertThat(claim(db, "token-b", "node-b", now, now + 60_000)).isTrue();
            assertThat(advance(db, "token-b", 5, now + 60_000)).isTrue();

            assertThat(advance(db, "token-a", 9, now + 60_000)).isFalse();
            assertThat(cursor(db)).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aNodeThatCloses_givesTheJobBack_soAnotherTakesItAtOnce(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            store(db, papers, "2401.00001");
            KeywordWorker a = new KeywordWorker(db, papers, null, "node-a");
            assertThat(a.computePending()).isOne();
            a.close();
            store(db, papers, "2401.00002");

            assertThat(new KeywordWorker(db, papers, null, "node-b").computePending())
                    .isOne();
            assertThat(computedBy(db, "2401.00002")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aRestartedNode_takesBackItsOwnJobWithoutWaitingForTheLease(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            store(db, papers, "2401.00001");
            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isOne();
            store(db, papers, "2401.00002");

            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isOne();
            assertThat(computedBy(db, "2401.00002")).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anIdleWorker_claimsNothing_soAnIdleSiteWritesNoLease(TestStore kind) throws Exception {
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            store(db, papers, "2401.00001");
            KeywordWorker a = new KeywordWorker(db, papers, null, "node-a");
            assertThat(a.computePending()).isOne();
            a.close();

            assertThat(new KeywordWorker(db, papers, null, "node-b").computePending())
                    .isZero();
            String holder = db.withHandle(h -> h.createQuery("SELECT holder_node FROM keyword_cursor")
                    .mapTo(String.class)
                    .one());
            assertThat(holder)
                    .as("nothing pending: the job's row is left as the closing node left it")
                    .isNull();
        }
    }
}
