package io.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.TestStore;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real child JVM imports, is killed with SIGKILL mid-way, and the import is run again. */
final class KilledImportResumesTest {
    private static final int RECORDS = 150_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void importKilledMidway_resumesFromItsCheckpoint_withNoLossAndNoDuplicate(TestStore store) throws Exception {
        Path input = writeSnapshot(dir.resolve("big.jsonl"), RECORDS);
        String url = store.newDatabaseUrl(dir);
        try (Database db = Database.open(url)) {
            long committedAtKill = killMidway(childImport(url, input), db);
            assertThat(committedAtKill).as("the child was killed mid-import").isBetween(1L, RECORDS - 1L);

            List<String> messages = new ArrayList<>();
            ImportReport resumed = new Importer(db, new PaperService(db), new ListingService(db), LocalDate.now())
                    .onMessage(messages::add)
                    .run(List.of(input), false);

            assertThat(messages).anyMatch(m -> m.contains("resuming an interrupted import after line"));
            assertThat(resumed.problems()).isEmpty();
            // Everything committed before the kill is skipped, everything after it is new: no repeat, no loss.
            assertThat(resumed.unchanged()).isZero();
            assertThat(resumed.inserted()).isEqualTo(RECORDS - committedAtKill);
            assertThat(new PaperService(db).count()).isEqualTo(RECORDS);
            long checkpointsLeft = db.withHandle(h -> h.createQuery("SELECT count(*) FROM import_checkpoints")
                    .mapTo(Long.class)
                    .one());
            assertThat(checkpointsLeft).isZero();
        }
    }

    private static Process childImport(String url, Path input) throws Exception {
        return ChildJvm.paperboy("import", "--db", url, input.toString());
    }

    // Kills the child once it has committed at least one batch (its checkpoint is visible).
    private static long killMidway(Process child, Database db) throws Exception {
        ChildJvm.killOnceCommitted(child, "importing", () -> checkpointLines(db) > 0);
        return new PaperService(db).count();
    }

    private static long checkpointLines(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT coalesce(max(lines_done), 0) FROM import_checkpoints")
                .mapTo(Long.class)
                .one());
    }

    static Path writeSnapshot(Path file, int count) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                int month = i / 90_000;
                String id = String.format("%02d%02d.%05d", 15 + month / 12, 1 + month % 12, i % 90_000 + 1);
                out.write("{\"id\":\"" + id + "\",\"title\":\"Synthetic paper " + i + "\",\"abstract\":\"  About "
                        + i
                        + ".\\n\",\"authors\":\"A. Author\",\"categories\":\"cs.LG\",\"versions\":[{\"version\":\"v1\","
                        + "\"created\":\"Mon, 5 Jan 2015 10:00:00 GMT\"}],\"update_date\":\"2015-01-06\","
                        + "\"authors_parsed\":[[\"Author\",\"A.\",\"\"]]}\n");
            }
        }
        return file;
    }
}
