package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * arXiv 0704.0001 harvested over OAI-PMH and imported from the snapshot is stored as the same
 * paper. No recorded OAI page has a paper that the snapshot sample has, so its OAI record is
 * built from the snapshot's fields in the old endpoint's exact element form (see the samples README).
 */
final class HarvestMatchesSnapshotTest {
    private static final String ID = "0704.0001";

    @TempDir
    Path dir;

    private ReplayServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void harvestedPaper_equalsTheImportedOne_butForTheVersionsTheArxivFormatDoesNotCarry(TestStore store)
            throws Exception {
        Paper imported = importSnapshot(store);
        Paper harvested = harvest(store);

        assertThat(imported.version()).isEqualTo(2);
        assertThat(harvested.version()).isZero();
        assertThat(harvested.versions()).isEmpty();
        assertThat(withVersionsOf(harvested, imported)).isEqualTo(imported.withChangeSeq(0));
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void bothSourcesInEitherOrder_storeExactlyTheSnapshotPaper(TestStore store) throws Exception {
        Paper importedAlone = importSnapshot(store);
        try (Database db = store.open(dir)) {
            importInto(db);
            HarvestReport report = harvestInto(db);
            // The harvest adds nothing the snapshot did not say: no write, no new change number.
            assertThat(report.unchanged()).isEqualTo(1);
            assertThat(new PaperService(db).find(ID).orElseThrow().sameContent(importedAlone))
                    .isTrue();
        }
        try (Database db = store.open(dir)) {
            harvestInto(db);
            importInto(db);
            assertThat(new PaperService(db).find(ID).orElseThrow().sameContent(importedAlone))
                    .isTrue();
        }
    }

    private Paper importSnapshot(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            importInto(db);
            return new PaperService(db).find(ID).orElseThrow().withChangeSeq(0);
        }
    }

    private Paper harvest(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            harvestInto(db);
            return new PaperService(db).find(ID).orElseThrow().withChangeSeq(0);
        }
    }

    private void importInto(Database db) throws Exception {
        Path snapshot = Samples.copy(Samples.SNAPSHOT, dir);
        new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(List.of(snapshot), false);
    }

    private HarvestReport harvestInto(Database db) throws Exception {
        if (server == null) {
            Matcher record =
                    Pattern.compile("(?s)<record>.*?</record>").matcher(OaiPages.load(OaiPages.CONSTRUCTED_0704_0001));
            assertThat(record.find()).isTrue();
            String page = OaiPages.listRecords(List.of(record.group()), null);
            server = new ReplayServer((q, n) -> ReplayServer.Reply.ok(page));
        }
        HarvestSettings settings =
                HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example").withDelay(Duration.ZERO);
        try (OaiClient client = new OaiClient(settings)) {
            return new ArxivHarvester(db, new PaperService(db), client)
                    .run(new ArxivHarvester.Request("physics:hep-ph", null, null, false));
        }
    }

    private static Paper withVersionsOf(Paper harvested, Paper imported) {
        return new Paper(
                harvested.id(),
                imported.version(),
                harvested.title(),
                harvested.abstractText(),
                harvested.authors(),
                harvested.categories(),
                harvested.published(),
                harvested.updated(),
                harvested.comments(),
                harvested.journalRef(),
                harvested.dois(),
                harvested.reportNo(),
                harvested.license(),
                harvested.links(),
                imported.versions(),
                0);
    }
}
