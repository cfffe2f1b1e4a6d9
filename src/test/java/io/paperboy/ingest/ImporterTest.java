package io.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ImporterTest {
    private static final LocalDate IMPORT_DATE = LocalDate.of(2026, 11, 29);

    @TempDir
    Path dir;

    private static ImportReport importFiles(Database db, Path... files) {
        return new Importer(db, new PaperService(db), new ListingService(db), IMPORT_DATE).run(List.of(files), false);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void snapshotSample_importsEveryRecordWithUnicodeAuthorsVersionsAndDois(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            ImportReport report = importFiles(db, Samples.copy(Samples.SNAPSHOT, dir));

            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(200);
            PaperService papers = new PaperService(db);
            assertThat(papers.count()).isEqualTo(200);
            Paper first = papers.find("0704.0001").orElseThrow();
            // The snapshot's title is hard-wrapped ("…Tevatron and\n  LHC energies").
            assertThat(first.title())
                    .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
            assertThat(first.authors()).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
            assertThat(first.version()).isEqualTo(2);
            assertThat(first.published()).isEqualTo(LocalDate.of(2007, 4, 2));
            assertThat(first.updated()).isEqualTo(LocalDate.of(2007, 7, 24));
            assertThat(first.categories()).containsExactly("hep-ph");
            assertThat(first.abstractText())
                    .startsWith("A fully differential calculation")
                    .doesNotContain("\n");
            assertThat(papers.find("0704.0033").orElseThrow().dois())
                    .containsExactly("10.1364/JOSAA.23.002578", "10.1364/JOSAA.32.002407");
            assertThat(papers.find("0704.0064").orElseThrow().versions()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void hfDailyPapers_featuresEachPaperOnItsDayWithUpvotesAndSubmitter(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            ImportReport report = importFiles(db, Samples.copy(Samples.HF_DAILY, dir));

            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(30);
            assertThat(report.listingChanges()).isEqualTo(30);
            List<ListingEntry> entries = new ListingService(db).forPaper("2606.13681");
            assertThat(entries)
                    .containsExactly(
                            new ListingEntry("2606.13681", LocalDate.of(2026, 6, 12), "zhiyuanhucs", 118, "hf"));
            Paper withCode = new PaperService(db).find("2606.12730").orElseThrow();
            assertThat(withCode.links()).anySatisfy(link -> {
                assertThat(link.kind()).isEqualTo(LinkKind.GITHUB);
                assertThat(link.url())
                        .isEqualTo("https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void seed_featuresPapersOnPublishedDateElseIdMonthElseImportDate(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            ImportReport report = importFiles(db, Samples.copy(Samples.SEED, dir));

            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(114);
            ListingService listings = new ListingService(db);
            assertThat(listings.count()).isEqualTo(114);
            // 2306.15794 (HyenaDNA) has no published date in the seed: first day of the id's month.
            assertThat(listings.forPaper("2306.15794"))
                    .extracting(ListingEntry::day)
                    .containsExactly(LocalDate.of(2023, 6, 1));
            // 2503.01905 was published on 2025-02-28, in the month before its id's month.
            assertThat(listings.forPaper("2503.01905"))
                    .extracting(ListingEntry::day)
                    .containsExactly(LocalDate.of(2025, 2, 28));
            String noArxivId = io.paperboy.paper.PaperIds.forTitle(
                    "Robust Weight Signatures: Gaining Robustness as Easy as Patching Weights?");
            assertThat(new PaperService(db).find(noArxivId))
                    .as("rank 90 gets a stable local id")
                    .isPresent();
            assertThat(listings.forPaper(noArxivId))
                    .extracting(ListingEntry::day)
                    .containsExactly(IMPORT_DATE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void reimportingTheSameInputs_changesNothing(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            Path[] inputs = {
                Samples.copy(Samples.SNAPSHOT, dir),
                Samples.copy(Samples.HF_DAILY, dir),
                Samples.copy(Samples.SEED, dir)
            };
            importFiles(db, inputs);
            long changesBefore = db.withHandle(ChangeSequence::current);

            ImportReport again = importFiles(db, inputs);

            assertThat(again.inserted()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.listingChanges()).isZero();
            assertThat(again.unchanged()).isEqualTo(200 + 30 + 114);
            assertThat(db.withHandle(ChangeSequence::current)).isEqualTo(changesBefore);
        }
    }
}
