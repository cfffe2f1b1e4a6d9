package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real child JVM harvests, is killed with SIGKILL mid-way, and the harvest is run again. */
final class KilledHarvestResumesTest {
    private static final int PAGE_SIZE = 5;
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void harvestKilledMidway_resumesWithItsToken_storingEveryRecordExactlyOnce(TestStore store) throws Exception {
        List<String> pages = OaiPages.paged(records(), PAGE_SIZE);
        String url = store.newDatabaseUrl(dir);
        try (ReplayServer server = new ReplayServer(OaiPages.serving(pages));
                Database db = Database.open(url)) {
            long committedAtKill = killMidway(childHarvest(url, server), db);
            assertThat(committedAtKill).as("the child was killed mid-harvest").isBetween(1L, RECORDS - 1L);
            int requestsBefore = server.requests().size();

            HarvestSettings settings =
                    HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example").withDelay(Duration.ZERO);
            List<String> messages = new ArrayList<>();
            HarvestReport resumed;
            try (OaiClient client = new OaiClient(settings)) {
                resumed = new ArxivHarvester(db, new PaperService(db), client)
                        .onMessage(messages::add)
                        .run(new ArxivHarvester.Request("cs", null, null, false));
            }

            assertThat(messages).anyMatch(m -> m.contains("resuming the harvest interrupted after " + committedAtKill));
            assertThat(server.requests().get(requestsBefore).query())
                    .containsEntry("resumptionToken", "tok-" + committedAtKill / PAGE_SIZE);
            // Everything stored before the kill is not fetched again; everything after is new: no repeat, no loss.
            assertThat(resumed.unchanged()).isZero();
            assertThat(resumed.inserted()).isEqualTo(RECORDS - committedAtKill);
            assertThat(new PaperService(db).count()).isEqualTo(RECORDS);
            String token = db.withHandle(h -> h.createQuery("SELECT resumption_token FROM harvest_state")
                    .mapTo(String.class)
                    .one());
            assertThat(token).isNull();
        }
    }

    // A real record from the new endpoint under RECORDS different ids.
    private static List<String> records() {
        String template = OaiPages.realRecords().get(9);
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            records.add(OaiPages.withId(template, String.format("2601.%05d", i)));
        }
        return records;
    }

    private static Process childHarvest(String url, ReplayServer server) throws Exception {
        return ChildJvm.paperboy(
                "harvest",
                "arxiv",
                "--set",
                "cs",
                "--base-url",
                server.baseUrl().toString(),
                "--delay-ms",
                "100",
                "--contact",
                "ops@lab.example",
                "--db",
                url);
    }

    // Kills the child once it has committed at least one page (its checkpoint is visible).
    private static long killMidway(Process child, Database db) throws Exception {
        ChildJvm.killOnceCommitted(child, "harvesting", () -> recordsDone(db) > 0);
        return new PaperService(db).count();
    }

    private static long recordsDone(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT coalesce(max(records_done), 0) FROM harvest_state")
                .mapTo(Long.class)
                .one());
    }
}
