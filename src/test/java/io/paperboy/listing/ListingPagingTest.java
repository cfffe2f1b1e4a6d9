package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import io.paperboy.vote.VoteService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A month of 120 featured papers paged in the store, 50 a page: the pages put together are the
 * whole list in its order, filters and hidden papers are applied before the cut (so a page is
 * never short but the last), and the page after the last is empty. On SQLite and PostgreSQL.
 */
final class ListingPagingTest {
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final Period MONTH = Period.month(java.time.YearMonth.of(2026, 3));
    private static final List<String> CATEGORIES = List.of("cs.CL", "cs.LG stat.ML", "hep-th", "hep-th.x math.AG");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void pages_putTogether_areTheWholeListInOrder(TestStore kind) {
        try (Database db = kind.open(dir)) {
            ListingService listings = feature(db);

            List<ListingSlice> pages = List.of(
                    page(listings, ListingFilter.NONE, 0),
                    page(listings, ListingFilter.NONE, 1),
                    page(listings, ListingFilter.NONE, 2),
                    page(listings, ListingFilter.NONE, 3));

            assertThat(pages).extracting(p -> p.papers().size()).containsExactly(50, 50, 18, 0);
            assertThat(pages).extracting(ListingSlice::hasNext).containsExactly(true, true, false, false);
            List<ListedPaper> together =
                    pages.stream().flatMap(p -> p.papers().stream()).toList();
            assertThat(together).isEqualTo(listings.featured(MONTH, ListingFilter.NONE));
            // Most upvoted first; ties newer day first, then id. The hidden paper is nowhere.
            assertThat(together)
                    .isSortedAccordingTo(Comparator.comparingInt(ListedPaper::upvotes)
                            .reversed()
                            .thenComparing(p -> p.entry().day(), Comparator.reverseOrder())
                            .thenComparing(p -> p.paper().id()));
            assertThat(together).extracting(p -> p.paper().id()).doesNotContain(id(7));
            assertThat(pages.get(1).firstRank()).isEqualTo(51);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void filters_inTheStore_keepWhatTheFilterMatches(TestStore kind) {
        try (Database db = kind.open(dir)) {
            ListingService listings = feature(db);
            List<ListedPaper> all = listings.featured(MONTH, ListingFilter.NONE);

            for (ListingFilter filter : List.of(
                    new ListingFilter("cs", false),
                    new ListingFilter("CS.lg", false),
                    new ListingFilter("hep-th", true),
                    new ListingFilter("math", false),
                    new ListingFilter("stat.ML", true))) {
                List<ListedPaper> expected =
                        all.stream().filter(p -> filter.matches(p.paper())).toList();
                List<ListedPaper> paged = new ArrayList<>();
                ListingSlice slice;
                int n = 0;
                do {
                    slice = listings.featured(MONTH, filter, n++, 10);
                    paged.addAll(slice.papers());
                } while (slice.hasNext() && n < 20);

                assertThat(expected).as("filter %s", filter).isNotEmpty();
                assertThat(paged).as("filter %s", filter).isEqualTo(expected);
            }
        }
    }

    private static ListingSlice page(ListingService listings, ListingFilter filter, int n) {
        return listings.featured(MONTH, filter, n, 50);
    }

    private static String id(int i) {
        return "2603.%05d".formatted(i);
    }

    // 120 papers over the month, imported upvotes i % 13 (many ties), categories and code varying;
    // paper 7 hidden, paper 8's entry unfeatured: 118 shown.
    private static ListingService feature(Database db) {
        PaperService papers = new PaperService(db);
        ListingService listings =
                new ListingService(db, papers, new VoteService(db, papers, Clock.systemUTC()), Clock.systemUTC());
        List<Paper> stored = new ArrayList<>();
        List<ListingEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            stored.add(Paper.builder(id(i), "Paper " + i)
                    .categories(List.of(CATEGORIES.get(i % CATEGORIES.size()).split(" ")))
                    .links(
                            i % 3 == 0
                                    ? List.of(new ArtifactLink(LinkKind.GITHUB, "https://github.com/a/p" + i))
                                    : List.of())
                    .build());
            entries.add(new ListingEntry(id(i), MARCH.plusDays(i % 31), null, i % 13, "hf"));
        }
        db.useTransaction(h -> {
            papers.store(h, stored);
            listings.store(h, entries);
            papers.setHidden(h, id(7), true);
            listings.setFeatured(h, id(8), MARCH.plusDays(8), false);
        });
        return listings;
    }
}
