package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A change that takes its number before another but commits after it is still read by followers
 * of the change numbers. On PostgreSQL numbers come from a sequence, so the later number commits
 * first; on SQLite the second writer waits for the first (one writer at a time) and the follower
 * reads both in order.
 */
final class LateCommitTest {
    @TempDir
    Path dir;

    private static Paper paper(String id) {
        return Paper.builder(id, "A paper called " + id).build();
    }

    /** A follower as the index follows: from the last number it applied, page after page. */
    private static final class Follower {
        final List<String> seen = new ArrayList<>();
        long applied;

        void catchUp(PaperService papers) {
            List<Paper> page;
            while (!(page = papers.changedSince(applied, 100)).isEmpty()) {
                page.forEach(p -> seen.add(p.id()));
                applied = page.getLast().changeSeq();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aChangeNumberedFirstButCommittedLast_isStillRead(TestStore kind) throws Exception {
        // Own threads: the common pool may have one worker on two cores, and the first writer blocks it.
        try (Database db = kind.open(dir);
                var threads = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            PaperService papers = new PaperService(db);
            Follower follower = new Follower();
            CountDownLatch numbered = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicLong lateSeq = new java.util.concurrent.atomic.AtomicLong();
            CompletableFuture<Void> late = CompletableFuture.runAsync(
                    () -> db.useTransaction(h -> {
                        papers.store(h, List.of(paper("2401.00001")));
                        lateSeq.set(h.createQuery("SELECT change_seq FROM papers WHERE id = '2401.00001'")
                                .mapTo(Long.class)
                                .one());
                        numbered.countDown();
                        try {
                            commit.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }),
                    threads);
            assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> early = CompletableFuture.runAsync(
                    () -> db.useTransaction(h -> papers.store(h, List.of(paper("2401.00002")))), threads);
            if (kind == TestStore.POSTGRESQL) {
                early.get(10, TimeUnit.SECONDS); // committed while the lower number is still open
                assertThat(seqOf(db, "2401.00002"))
                        .as("the committed change's number is above the open one's")
                        .isGreaterThan(lateSeq.get());
            } else {
                Thread.sleep(300); // waits for the store's write lock
                assertThat(early).isNotDone();
            }

            follower.catchUp(papers);
            assertThat(follower.seen).as("nothing past the open change").isEmpty();

            commit.countDown();
            late.get(10, TimeUnit.SECONDS);
            early.get(10, TimeUnit.SECONDS);
            follower.catchUp(papers);

            assertThat(follower.seen).containsExactly("2401.00001", "2401.00002");
        }
    }

    private static long seqOf(Database db, String id) {
        return db.withHandle(h -> h.createQuery("SELECT change_seq FROM papers WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne()
                .orElse(-1L));
    }
}
