package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.ListingSlice;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.vote.VoteService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON API, the feeds and the similar-papers answers declare their topics as the HTML pages do:
 * seen, every one of them was dropped by any change (a vote on one paper re-rendered every feed).
 */
final class PageCacheTopicsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aVote_dropsTheApiAnswersAndFeedsListingItsPaper_andKeepsTheOthers(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            Database db = server.db();
            List<String> days = smallDays(db);
            String voted = firstOn(db, days.get(0));
            String other = firstOn(db, days.get(1));
            List<String> showingVoted = List.of(
                    "/api/daily_papers?date=" + days.get(0),
                    "/feeds/daily.json?date=" + days.get(0),
                    "/feeds/daily.atom?date=" + days.get(0),
                    "/api/daily_papers?date=" + days.get(0) + "&sort=trending",
                    "/api/papers/" + voted + "/similar",
                    "/feeds/search.json?q=" + phrase(db, voted),
                    // Trending may take any paper: every vote drops it.
                    "/feeds/trending.rss",
                    "/api/daily_papers?sort=trending");
            List<String> notShowingVoted = List.of(
                    "/api/daily_papers?date=" + days.get(1),
                    "/feeds/daily.json?date=" + days.get(1),
                    "/feeds/daily.rss?date=" + days.get(1),
                    "/api/daily_papers?date=" + days.get(1) + "&sort=trending",
                    "/api/papers/" + other + "/similar",
                    "/feeds/search.json?q=" + phrase(db, other));
            List<String> all = new ArrayList<>(showingVoted);
            all.addAll(notShowingVoted);
            Map<String, String> lastModified = PageCacheTest.stableLastModified(server, all);
            Map<String, String> bodies = new HashMap<>();
            for (String path : all) {
                bodies.put(path, server.get(path).body());
            }
            assertThat(bodies.get("/feeds/search.json?q=" + phrase(db, voted))).contains(voted);
            assertThat(bodies.get("/feeds/search.json?q=" + phrase(db, other)))
                    .contains(other)
                    .doesNotContain(voted);
            int before = upvotesOf(bodies.get(showingVoted.get(0)), voted);

            vote(db, member(db, "voter"), voted);
            server.awaitChangesSeen();

            assertThat(upvotesOf(server.get(showingVoted.get(0)).body(), voted))
                    .as("the day's API answer shows the vote")
                    .isEqualTo(before + 1);
            for (String path : showingVoted) {
                assertThat(server.get(path).headers().firstValue("last-modified"))
                        .as(path + " rendered again")
                        .isNotEqualTo(java.util.Optional.of(lastModified.get(path)));
            }
            for (String path : notShowingVoted) {
                var kept = server.get(path);
                assertThat(kept.body()).as(path).isEqualTo(bodies.get(path));
                assertThat(kept.headers().firstValue("last-modified"))
                        .as(path + " served from the cache")
                        .contains(lastModified.get(path));
            }
        }
    }

    /**
     * A page of a listing depends on the papers it does not show too: votes on the 51st paper of a
     * day move it onto the day's first page of 50. (The HTML listing pages declared only the papers
     * they showed, and kept the old first page.)
     */
    @Test
    void votesMovingAnUnshownPaperOntoAPage_dropIt() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            Database db = server.db();
            LocalDate day = LocalDate.of(2030, 3, 1);
            List<String> ids = new ArrayList<>();
            db.useTransaction(h -> {
                List<Paper> papers = new ArrayList<>();
                List<ListingEntry> entries = new ArrayList<>();
                for (int i = 0; i < ListingSlice.PER_PAGE + 1; i++) {
                    String id = "2403.%05d".formatted(i + 1);
                    ids.add(id);
                    papers.add(Paper.builder(id, "Busy day paper " + i).build());
                    entries.add(new ListingEntry(id, day, "tester", 200 - i, "test")); // fewer upvotes down the list
                }
                new PaperService(db).store(h, papers);
                new ListingService(db).store(h, entries);
            });
            String unshown = ids.getLast();
            String firstPage = "/papers/date/" + day;
            String apiPage = "/api/daily_papers?limit=1&p=" + ListingSlice.PER_PAGE + "&date=" + day;
            PageCacheTest.stableLastModified(server, List.of(firstPage, apiPage));
            assertThat(server.get(firstPage).body())
                    .contains("/papers/" + ids.get(ListingSlice.PER_PAGE - 1))
                    .doesNotContain("/papers/" + unshown);

            // Two members' votes take it past the 50th (150 + 2 > 151).
            vote(db, member(db, "voter1"), unshown);
            vote(db, member(db, "voter2"), unshown);
            server.awaitChangesSeen();

            assertThat(server.get(firstPage).body())
                    .as("the first page after the votes")
                    .contains("/papers/" + unshown)
                    .doesNotContain("/papers/" + ids.get(ListingSlice.PER_PAGE - 1));
            assertThat(server.get(apiPage).body())
                    .as("the last page of one, on which it was")
                    .contains(ids.get(ListingSlice.PER_PAGE - 1))
                    .doesNotContain(unshown);
        }
    }

    private static List<String> smallDays(Database db) {
        List<String> days = db.withHandle(h -> h.createQuery(
                        "SELECT day FROM listings GROUP BY day HAVING count(*) BETWEEN 1 AND 10 ORDER BY day")
                .mapTo(String.class)
                .list());
        assertThat(days).hasSizeGreaterThanOrEqualTo(2);
        return days;
    }

    private static String firstOn(Database db, String day) {
        return db.withHandle(
                h -> h.createQuery("SELECT paper_id FROM listings WHERE day = :day ORDER BY paper_id LIMIT 1")
                        .bind("day", day)
                        .mapTo(String.class)
                        .one());
    }

    // The paper's whole title as a phrase: a search feed that lists it and, in practice, no other.
    private static String phrase(Database db, String paperId) {
        String title = db.withHandle(h -> h.createQuery("SELECT title FROM papers WHERE id = :id")
                .bind("id", paperId)
                .mapTo(String.class)
                .one());
        return URLEncoder.encode(
                "\"" + title.replaceAll("[^\\p{L}\\p{N} ]", " ").strip() + "\"", StandardCharsets.UTF_8);
    }

    private static int upvotesOf(String apiAnswer, String paperId) throws Exception {
        for (JsonNode entry : JSON.readTree(apiAnswer)) {
            if (entry.get("paper").get("id").asText().equals(paperId)) {
                return entry.get("paper").get("upvotes").asInt();
            }
        }
        throw new AssertionError(paperId + " is not in " + apiAnswer);
    }

    private static long member(Database db, String name) {
        return db.withHandle(
                h -> h.createQuery("INSERT INTO users (email, name, display_name, password_hash, created_at) "
                                + "VALUES (:email, :name, :name, 'x', '2026-01-01T00:00:00Z') RETURNING id")
                        .bind("email", name + "@example.org")
                        .bind("name", name)
                        .mapTo(Long.class)
                        .one());
    }

    private static void vote(Database db, long member, String paperId) {
        new VoteService(db, new PaperService(db), Clock.systemUTC()).upvote(member, paperId);
    }
}
