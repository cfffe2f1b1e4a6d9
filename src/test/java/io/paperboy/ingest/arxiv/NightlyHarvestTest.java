package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.NightlyHarvest;
import io.paperboy.db.Database;
import io.paperboy.listing.AutoFeature;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve runs each night: every configured set, incrementally from its checkpoint. */
final class NightlyHarvestTest {
    private static final List<String> PAGES = OaiPages.paged(OaiPages.realRecords(), 3);

    @TempDir
    Path dir;

    @Test
    void nightlyRun_harvestsTheSet_andTheNextNightAsksOnlyFromTheLastDatestamp() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir);
                ReplayServer server = new ReplayServer(OaiPages.serving(PAGES))) {
            HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                    .withDelay(Duration.ZERO)
                    .withRetries(1, Duration.ZERO, Duration.ZERO);

            String first = NightlyHarvest.runAll(db, settings, List.of("cs"), AutoFeature.NONE);
            int requestsBefore = server.requests().size();
            NightlyHarvest.runAll(db, settings, List.of("cs"), AutoFeature.NONE);

            assertThat(first).startsWith("cs: ");
            assertThat(new PaperService(db).count()).isEqualTo(10);
            // The second night's first request carries a from= date: the checkpoint's last datestamp.
            assertThat(server.requests().get(requestsBefore).query().get("from"))
                    .isNotNull();
        }
    }
}
