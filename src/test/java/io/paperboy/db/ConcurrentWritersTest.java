package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Transactions that read before they write, many at once, all commit: none fails with SQLITE_BUSY. */
final class ConcurrentWritersTest {
    private static final int WRITERS = 32;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void readThenWriteTransactions_atOnce_allCommit(TestStore kind) throws Exception {
        try (Database db = kind.open(dir);
                ExecutorService threads = Executors.newFixedThreadPool(WRITERS)) {
            long before = db.withHandle(ChangeSequence::current);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                done.add(threads.submit(() -> {
                    start.await();
                    // The read first: a deferred SQLite transaction could not upgrade to a write after it.
                    return db.inTransaction(h -> {
                        ChangeSequence.current(h);
                        return ChangeSequence.next(h);
                    });
                }));
            }
            start.countDown();
            for (Future<Long> f : done) {
                f.get();
            }

            assertThat(db.withHandle(ChangeSequence::current)).isEqualTo(before + WRITERS);
        }
    }
}
