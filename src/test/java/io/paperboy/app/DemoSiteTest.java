package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.audit.ModerationLog;
import io.paperboy.comment.CommentService;
import io.paperboy.db.Database;
import io.paperboy.listing.ListedPaper;
import io.paperboy.listing.ListingFilter;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.Period;
import io.paperboy.paper.Bibtex;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import io.paperboy.vote.VoteService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code serve --demo}'s layout: a full site ending today, the same on every later run. */
final class DemoSiteTest {
    private static final Instant FIRST_RUN = Instant.parse("2026-12-05T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void demo_featuresPapersOnEachOfTheLastTwoWeeks_withVotesAndComments(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            ListingService listings = listings(db);

            assertThat(layOut(db, FIRST_RUN)).isEqualTo(TODAY);

            for (int daysBefore = 0; daysBefore < DemoSite.DAYS; daysBefore++) {
                assertThat(listings.featured(Period.day(TODAY.minusDays(daysBefore)), ListingFilter.NONE))
                        .as("papers featured %d days before today", daysBefore)
                        .hasSizeBetween(8, 9);
            }
            assertThat(listings.featured(Period.weekOf(TODAY), ListingFilter.NONE))
                    .hasSizeGreaterThan(30);
            assertThat(listings.featured(Period.month(YearMonth.from(TODAY)), ListingFilter.NONE))
                    .hasSizeGreaterThan(30);
            // The real Hugging Face day keeps its own date and upvotes.
            assertThat(listings.featured(Period.day(LocalDate.of(2026, 6, 12)), ListingFilter.NONE))
                    .hasSize(30);

            List<ListedPaper> today = listings.featured(Period.day(TODAY), ListingFilter.NONE);
            assertThat(today)
                    .allSatisfy(p -> assertThat(p.entry().bySubmission()).isTrue());
            assertThat(today.get(0).upvotes()).isGreaterThanOrEqualTo(3);
            assertThat(listings.trending(ListingFilter.NONE))
                    .filteredOn(p -> p.upvotes() > 0)
                    .hasSizeGreaterThan(50);
            assertThat(totalComments(db, today)).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void demo_laidOutAgainDaysLater_changesNothing(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            layOut(db, FIRST_RUN);
            long entries = listings(db).count();
            int votes = upvotes(db);
            List<ListedPaper> today = listings(db).featured(Period.day(TODAY), ListingFilter.NONE);

            assertThat(layOut(db, FIRST_RUN.plus(Duration.ofDays(3)))).isEqualTo(TODAY);

            assertThat(listings(db).count()).isEqualTo(entries);
            assertThat(upvotes(db)).isEqualTo(votes);
            assertThat(totalComments(db, today)).isEqualTo(6);
            assertThat(listings(db).featured(Period.day(TODAY.plusDays(3)), ListingFilter.NONE))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void demo_inventsNoAuthors_andItsBibtexSaysSo(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            layOut(db);

            var hyena = new PaperService(db).find("2306.15794").orElseThrow();

            assertThat(hyena.authors()).isEmpty();
            assertThat(Bibtex.of(hyena)).contains("No author list is known").contains("@misc{hyenadna2306.15794,");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void demoStore_saysOnEveryPageThatItsDataIsMadeUp_andAnOrdinaryStoreDoesNot(TestStore store) throws Exception {
        try (Database demo = store.open(dir);
                Database plain = store.open(dir)) {
            layOut(demo);

            assertThat(home(demo)).contains(WebServer.DEMO_NOTICE).contains("Ada Moreau");
            assertThat(home(plain)).doesNotContain("Demo site");
        }
    }

    private LocalDate layOut(Database db) throws Exception {
        return layOut(db, FIRST_RUN);
    }

    private LocalDate layOut(Database db, Instant now) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new DemoSite(db, dir.resolve("data-" + System.nanoTime()), Clock.fixed(now, ZoneOffset.UTC), quiet)
                .layOut();
    }

    private String home(Database db) throws Exception {
        WebServer server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            return page.body();
        } finally {
            server.stop();
        }
    }

    private static ListingService listings(Database db) {
        PaperService papers = new PaperService(db);
        return new ListingService(
                db, papers, new VoteService(db, papers, Clock.systemUTC()), Clock.fixed(FIRST_RUN, ZoneOffset.UTC));
    }

    private static int upvotes(Database db) {
        PaperService papers = new PaperService(db);
        return new VoteService(db, papers, Clock.systemUTC())
                .mostUpvoted(Integer.MAX_VALUE).values().stream()
                        .mapToInt(i -> i)
                        .sum();
    }

    private static int totalComments(Database db, List<ListedPaper> papers) {
        CommentService comments = new CommentService(db, new ModerationLog(), Clock.systemUTC());
        return comments.counts(papers.stream().map(p -> p.paper().id()).toList()).values().stream()
                .mapToInt(i -> i)
                .sum();
    }
}
