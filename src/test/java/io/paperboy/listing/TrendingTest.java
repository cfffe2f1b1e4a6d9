package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperboy.db.Database;
import io.paperboy.mail.MailFolder;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.TestStore;
import io.paperboy.user.AccountService;
import io.paperboy.vote.VoteService;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trending ranks by the documented formula, with the clock under the test's control. */
final class TrendingTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aVote_weighsLessAsItAges_exactlyAsTheFormulaSays() {
        assertThat(TrendingScore.weight(NOW, NOW)).isCloseTo(1 / Math.pow(2, 1.8), within(1e-12));
        assertThat(TrendingScore.weight(NOW.minus(Duration.ofHours(24)), NOW))
                .isCloseTo(1 / Math.pow(26, 1.8), within(1e-12));
        assertThat(TrendingScore.weight(NOW.minus(Duration.ofMinutes(90)), NOW))
                .isCloseTo(1 / Math.pow(3.5, 1.8), within(1e-12));
        // A vote stamped after "now" (another node's clock ahead) counts as cast now, never more.
        assertThat(TrendingScore.weight(NOW.plusSeconds(600), NOW)).isEqualTo(TrendingScore.weight(NOW, NOW));
    }

    @Test
    void importedVotes_countAsCastAtTheStartOfTheFeaturedDay() {
        ListingEntry entry = new ListingEntry("p", LocalDate.of(2026, 11, 29), null, 10, "hf");

        Trend trend = Trending.trend(List.of(entry), List.of(), NOW);

        assertThat(trend.score()).isCloseTo(10 / Math.pow(12 + 2, 1.8), within(1e-12));
        assertThat(trend.why()).isEqualTo("10 imported upvotes, counted as cast on 2026-11-29");
    }

    @Test
    void why_namesTheLastDaysVotesFirst() {
        ListingEntry entry = new ListingEntry("p", LocalDate.of(2026, 11, 20), null, 120, "hf");
        List<Instant> cast = List.of(
                NOW.minus(Duration.ofHours(30)), NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));

        assertThat(Trending.trend(List.of(entry), cast, NOW).why())
                .isEqualTo(
                        "2 upvotes in the last 24 h · 1 earlier · 120 imported upvotes, counted as cast on 2026-11-20");
        assertThat(Trending.trend(
                                List.of(new ListingEntry("p", LocalDate.of(2026, 11, 28), null, 0, "auto")),
                                List.of(),
                                NOW)
                        .why())
                .isEqualTo("no upvotes yet; featured 2026-11-28");
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void trending_ranksByScore_andFreshVotesLiftAnOlderPaper(TestStore kind) {
        MovableClock clock = new MovableClock(NOW);
        try (Database db = kind.open(dir)) {
            PaperService papers = new PaperService(db);
            VoteService votes = new VoteService(db, papers, clock);
            ListingService listings = new ListingService(db, papers, votes, clock);
            feature(
                    db,
                    papers,
                    listings,
                    new ListingEntry("2611.00001", LocalDate.of(2026, 11, 29), null, 10, "hf"), // today, 10 imported
                    new ListingEntry("2611.00002", LocalDate.of(2026, 11, 27), null, 100, "hf"), // two days ago, 100
                    new ListingEntry("2611.00003", LocalDate.of(2026, 11, 20), null, 0, "seed"), // nine days ago, none
                    new ListingEntry("2611.00004", LocalDate.of(2026, 11, 28), null, 0, "auto")); // yesterday, none
            // Three members upvote the nine-day-old paper an hour before now.
            clock.set(NOW.minus(Duration.ofHours(1)));
            for (long member : members(db, 3)) {
                votes.upvote(member, "2611.00003");
            }
            clock.set(NOW);

            List<ListedPaper> trending = listings.trending(ListingFilter.NONE);

            assertThat(trending)
                    .extracting(p -> p.paper().id())
                    .containsExactly("2611.00003", "2611.00001", "2611.00002", "2611.00004");
            assertThat(trending.get(0).trend().score()).isCloseTo(3 / Math.pow(1 + 2, 1.8), within(1e-9));
            assertThat(trending.get(1).trend().score()).isCloseTo(10 / Math.pow(12 + 2, 1.8), within(1e-9));
            assertThat(trending.get(2).trend().score()).isCloseTo(100 / Math.pow(60 + 2, 1.8), within(1e-9));
            assertThat(trending.get(0).trend().why()).isEqualTo("3 upvotes in the last 24 h");
            assertThat(trending.get(0).upvotes()).isEqualTo(3);

            // Two days on, the fresh votes have faded faster than the hundred imported ones.
            clock.set(NOW.plus(Duration.ofDays(2)));
            assertThat(listings.trending(ListingFilter.NONE))
                    .extracting(p -> p.paper().id())
                    .containsExactly("2611.00002", "2611.00001", "2611.00003", "2611.00004");
        }
    }

    private static void feature(Database db, PaperService papers, ListingService listings, ListingEntry... entries) {
        db.useTransaction(h -> {
            papers.store(
                    h,
                    java.util.Arrays.stream(entries)
                            .map(e -> Paper.builder(e.paperId(), "Paper " + e.paperId())
                                    .build())
                            .toList());
            listings.store(h, List.of(entries));
        });
    }

    private List<Long> members(Database db, int count) {
        AccountService accounts = new AccountService(
                db,
                new MailFolder(dir.resolve("mail"), "t <t@localhost>"),
                new SiteUrl("http://localhost"),
                Clock.systemUTC());
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> accounts.signup("m" + i + "@example.org", "m" + i, "M" + i, "correct horse battery")
                        .orElseThrow()
                        .id())
                .toList();
    }
}
