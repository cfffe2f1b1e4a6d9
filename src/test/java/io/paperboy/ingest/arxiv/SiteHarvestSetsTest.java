package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.app.NightlyHarvest;
import io.paperboy.db.Database;
import io.paperboy.jobs.DailyJob;
import io.paperboy.jobs.JobRuns;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.settings.SiteSettingsService;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: the nightly harvest was claimed by one node but took that node's --harvest-set, so a
 * set configured only on the node that lost the claim was never harvested. The sets are the
 * site's now: whichever node wins the night harvests all of them.
 */
final class SiteHarvestSetsTest {
    private static final int HOUR = 3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void twoNodesWithoutSetOptions_theOneThatWinsTheNight_harvestsEverySetOfTheSite(TestStore store) throws Exception {
        List<String> records = OaiPages.realRecords();
        // cs answers with the first half of the records, math with the second: each set's papers are its own.
        ReplayServer.Script bySet = (query, n) -> ReplayServer.Reply.ok(OaiPages.listRecords(
                "math".equals(query.get("set")) ? records.subList(5, 10) : records.subList(0, 5), null));
        String url = store.newDatabaseUrl(dir);
        try (Database nodeA = Database.open(url);
                Database nodeB = Database.open(url);
                ReplayServer server = new ReplayServer(bySet)) {
            // The site's settings, made earlier (here seeded by a node that has since gone): cs and math, with a rule.
            new SiteSettingsService(nodeA, Clock.systemUTC())
                    .seed(
                            Map.of(
                                    "harvest_sets",
                                    "cs, math",
                                    "harvest_hour",
                                    Integer.toString(HOUR),
                                    "feature_rules",
                                    "cat=hep-ex;keyword=LHC|neutrino",
                                    "feature_as",
                                    "site-bot"),
                            "earlier");
            HarvestSettings harvest = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                    .withDelay(Duration.ZERO)
                    .withRetries(1, Duration.ZERO, Duration.ZERO);
            // Both nodes' clocks stand a second before the site's hour; neither was given a set option.
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            ZonedDateTime hour = now.toLocalDate().atTime(HOUR, 0).atZone(ZoneOffset.UTC);
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, hour.minusSeconds(1)));

            try (DailyJob a = NightlyHarvest.schedule(
                            nodeA, harvest, new SiteSettingsService(nodeA, clock), "node-a", clock);
                    DailyJob b = NightlyHarvest.schedule(
                            nodeB, harvest, new SiteSettingsService(nodeB, clock), "node-b", clock)) {
                JobRuns runs = new JobRuns(nodeA);
                JobRuns.Run run = Poll.until(
                        Duration.ofSeconds(60),
                        () -> runs.latest("harvest:arxiv").orElse(null),
                        r -> r != null && r.finishedAt() != null);

                assertThat(run).as("one node ran the site's night").isNotNull();
                assertThat(run.runKey()).isEqualTo(hour.toLocalDate().toString());
                assertThat(run.node()).isIn("node-a", "node-b");
                assertThat(run.outcome()).contains("cs: ").contains("math: ").doesNotContain("failed");
            }
            assertThat(server.requests())
                    .extracting(seen -> seen.query().get("set"))
                    .contains("cs", "math");
            assertThat(new PaperService(nodeA).count())
                    .as("both halves, cs's and math's")
                    .isEqualTo(10);
            assertThat(HarvestStatus.all(nodeB)).extracting(HarvestStatus::set).containsExactlyInAnyOrder("cs", "math");
            // The site's rule featured its papers, as the site's bot.
            assertThat(new ListingService(nodeA, new PaperService(nodeA)).forPaper("1706.09418"))
                    .extracting(io.paperboy.listing.ListingEntry::submittedBy)
                    .containsExactly("site-bot");
        }
    }
}
