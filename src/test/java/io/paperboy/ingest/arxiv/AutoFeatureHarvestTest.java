package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.FeatureRule;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Harvested papers that match a rule are featured by the bot on the day arXiv announced them. */
final class AutoFeatureHarvestTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void matchingPapers_areFeaturedOnTheirDatestamp_andOthersAreNot(TestStore store) throws Exception {
        AutoFeature rules = new AutoFeature(List.of(FeatureRule.parse("cat=hep-ex;keyword=LHC|neutrino")), "hep-bot");
        try (Database db = store.open(dir);
                ReplayServer server = new ReplayServer(OaiPages.serving(OaiPages.paged(OaiPages.realRecords(), 3)))) {
            HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                    .withDelay(Duration.ZERO)
                    .withRetries(1, Duration.ZERO, Duration.ZERO);
            PaperService papers = new PaperService(db);
            ListingService listings = new ListingService(db, papers);
            HarvestReport report;
            try (OaiClient client = new OaiClient(settings)) {
                report = new ArxivHarvester(db, papers, client)
                        .autoFeature(rules, listings)
                        .run(new ArxivHarvester.Request("physics", null, null, false));
            }

            // "R-Parity Violation at the LHC" and "right-handed neutrinos", both cross-listed in hep-ex.
            assertThat(listings.forPaper("1706.09418"))
                    .containsExactly(new ListingEntry("1706.09418", LocalDate.of(2017, 12, 14), "hep-bot", 0, "auto"));
            assertThat(listings.forPaper("1707.00874"))
                    .extracting(ListingEntry::submittedBy)
                    .containsExactly("hep-bot");
            assertThat(listings.forPaper("1607.01710"))
                    .as("hep-th only: no rule matches")
                    .isEmpty();
            assertThat(report.featured()).isEqualTo(listings.count());
            assertThat(report.summary()).contains("featured by the rules");
        }
    }
}
