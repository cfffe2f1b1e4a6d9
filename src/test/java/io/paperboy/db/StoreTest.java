package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's guarantees on both engines: change numbers, version updates, concurrent writers. */
final class StoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aNewerVersion_updatesThePaperUnderANewChangeNumber(TestStore store) {
        try (Database db = store.open(dir)) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(
                    h,
                    List.of(Paper.builder("2306.15794", "First title")
                            .version(1)
                            .build())));
            long firstSeq = papers.find("2306.15794").orElseThrow().changeSeq();

            PaperService.StoreResult result = db.inTransaction(h -> papers.store(
                    h,
                    List.of(Paper.builder("2306.15794", "Second title")
                            .version(2)
                            .build())));

            assertThat(result).isEqualTo(new PaperService.StoreResult(0, 1, 0));
            Paper updated = papers.find("2306.15794").orElseThrow();
            assertThat(updated.title()).isEqualTo("Second title");
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.changeSeq()).isGreaterThan(firstSeq);
            assertThat(papers.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void concurrentWriters_getDistinctGaplessChangeNumbers(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            int writers = 4;
            int perWriter = 50;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new java.util.ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            db.useTransaction(h -> ChangeSequence.next(h));
                        }
                        return writer;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(db.withHandle(ChangeSequence::current)).isEqualTo((long) writers * perWriter);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void reopeningTheStore_keepsDataAndDoesNotRemigrate(TestStore store) {
        String url = store.newDatabaseUrl(dir);
        try (Database db = Database.open(url)) {
            db.useTransaction(h -> new PaperService(db)
                    .store(h, List.of(Paper.builder("0704.0001", "T").build())));
        }
        try (Database again = Database.open(url)) {
            assertThat(new PaperService(again).count()).isEqualTo(1);
        }
    }
}
