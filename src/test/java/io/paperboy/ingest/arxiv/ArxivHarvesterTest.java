package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.db.Database;
import io.paperboy.ingest.arxiv.ReplayServer.Reply;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole harvests against a replay server, stored in real SQLite and PostgreSQL. */
final class ArxivHarvesterTest {
    private static final List<String> PAGES = OaiPages.paged(OaiPages.realRecords(), 3);

    @TempDir
    Path dir;

    private ReplayServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ArxivHarvester harvester(Database db, ReplayServer.Script script, List<String> messages) throws Exception {
        server = new ReplayServer(script);
        HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                .withDelay(Duration.ZERO)
                .withRetries(1, Duration.ZERO, Duration.ZERO);
        return new ArxivHarvester(db, new PaperService(db), new OaiClient(settings)).onMessage(messages::add);
    }

    private static ArxivHarvester.Request cs(LocalDate from) {
        return new ArxivHarvester.Request("cs", from, null, false);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void multiPageHarvest_followsResumptionTokens_andStoresEveryRecord(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            HarvestReport report =
                    harvester(db, OaiPages.serving(PAGES), new ArrayList<>()).run(cs(LocalDate.of(2017, 12, 1)));

            assertThat(report.pages()).isEqualTo(4);
            assertThat(report.inserted()).isEqualTo(10);
            assertThat(report.success()).isTrue();
            assertThat(new PaperService(db).count()).isEqualTo(10);
            assertThat(server.requests())
                    .extracting(s -> s.query().get("resumptionToken"))
                    .containsExactly(null, "tok-1", "tok-2", "tok-3");
            // The latest datestamp among the records is the new endpoint's 2026-01-05.
            assertThat(report.lastDatestamp()).isEqualTo(LocalDate.of(2026, 1, 5));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void nextRunWithoutFrom_asksOnlyFromTheLastDatestamp_andChangesNothing(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            ArxivHarvester harvester = harvester(db, OaiPages.serving(PAGES), new ArrayList<>());
            harvester.run(cs(null));

            HarvestReport report = harvester.run(cs(null));

            assertThat(server.requests().get(4).query())
                    .containsEntry("from", "2026-01-05")
                    .containsEntry("set", "cs");
            assertThat(report.inserted()).isZero();
            assertThat(report.updated()).isZero();
            assertThat(report.unchanged()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void malformedPage_stopsTheHarvestWithItsRequest_andTheRerunResumesThere(TestStore store) throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        ReplayServer.Script script = (q, n) -> "tok-2".equals(q.get("resumptionToken")) && broken.get()
                ? Reply.ok(PAGES.get(2).substring(0, 1500))
                : Reply.ok(OaiPages.page(PAGES, q));
        try (Database db = store.open(dir)) {
            ArxivHarvester harvester = harvester(db, script, new ArrayList<>());
            assertThatThrownBy(() -> harvester.run(cs(null)))
                    .isInstanceOf(HarvestException.class)
                    .hasMessageContaining("resumptionToken=tok-2: malformed XML at line");
            assertThat(new PaperService(db).count()).isEqualTo(6);
            assertThat(lastError(db)).contains("malformed XML");

            broken.set(false);
            List<String> messages = new ArrayList<>();
            HarvestReport resumed = harvester.onMessage(messages::add).run(cs(null));

            assertThat(messages).anyMatch(m -> m.contains("resuming the harvest interrupted after 6 records"));
            // Only the pages not stored before are fetched and stored: nothing twice, nothing lost.
            assertThat(resumed.inserted()).isEqualTo(4);
            assertThat(resumed.unchanged()).isZero();
            assertThat(new PaperService(db).count()).isEqualTo(10);
            assertThat(lastError(db)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void expiredTokenOnResume_saysToRestart_andRestartHarvestsEverything(TestStore store) throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        ReplayServer.Script script = (q, n) -> "tok-1".equals(q.get("resumptionToken")) && failing.get()
                ? Reply.status(500, java.util.Map.of())
                : Reply.ok(OaiPages.page(PAGES, q));
        try (Database db = store.open(dir)) {
            ArxivHarvester harvester = harvester(db, script, new ArrayList<>());
            assertThatThrownBy(() -> harvester.run(cs(null))).hasMessageContaining("HTTP 500");
            db.useTransaction(h -> h.execute("UPDATE harvest_state SET resumption_token = 'expired'"));

            assertThatThrownBy(() -> harvester.run(cs(null)))
                    .hasMessageContaining("resumptionToken=expired")
                    .hasMessageContaining("badResumptionToken")
                    .hasMessageContaining("run again with --restart");

            failing.set(false);
            HarvestReport restarted = harvester.run(new ArxivHarvester.Request("cs", null, null, true));
            assertThat(restarted.records()).isEqualTo(10);
            assertThat(new PaperService(db).count()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void noRecordsMatch_isASuccessfulEmptyHarvest(TestStore store) throws Exception {
        String none = OaiPages.error("noRecordsMatch", "No records match");
        try (Database db = store.open(dir)) {
            HarvestReport report =
                    harvester(db, (q, n) -> Reply.ok(none), new ArrayList<>()).run(cs(LocalDate.of(2026, 1, 6)));

            assertThat(report.success()).isTrue();
            assertThat(report.records()).isZero();
            assertThat(new PaperService(db).count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void badRecord_isReportedAndTheRestOfThePageStored(TestStore store) throws Exception {
        List<String> records = new ArrayList<>(OaiPages.realRecords());
        records.set(4, records.get(4).replaceFirst("<title>[^<]*</title>", "<title> </title>"));
        try (Database db = store.open(dir)) {
            HarvestReport report = harvester(db, OaiPages.serving(OaiPages.paged(records, 3)), new ArrayList<>())
                    .run(cs(null));

            assertThat(report.success()).isFalse();
            assertThat(report.inserted()).isEqualTo(9);
            assertThat(report.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.toString())
                            .contains("resumptionToken=tok-1")
                            .contains("record oai:arXiv.org:")
                            .contains("<title>: missing or empty"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void recordUpdatedLater_replacesTheStoredMetadata(TestStore store) throws Exception {
        String record = OaiPages.realRecords().get(2);
        String revised = record.replace("<updated>2016-10-13</updated>", "<updated>2017-12-20</updated>")
                .replace("<datestamp>2017-12-14</datestamp>", "<datestamp>2017-12-21</datestamp>")
                .replace("</categories>", "</categories><journal-ref>Annalen Phys. 530 (2018) 1700188</journal-ref>");
        AtomicBoolean later = new AtomicBoolean(false);
        ReplayServer.Script script =
                (q, n) -> Reply.ok(OaiPages.listRecords(List.of(later.get() ? revised : record), null));
        try (Database db = store.open(dir)) {
            ArxivHarvester harvester = harvester(db, script, new ArrayList<>());
            harvester.run(cs(null));
            later.set(true);

            HarvestReport report = harvester.run(cs(null));

            assertThat(report.updated()).isEqualTo(1);
            assertThat(new PaperService(db).find("1607.01710").orElseThrow().journalRef())
                    .isEqualTo("Annalen Phys. 530 (2018) 1700188");
        }
    }

    private static String lastError(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT last_error FROM harvest_state")
                .mapTo(String.class)
                .one());
    }
}
