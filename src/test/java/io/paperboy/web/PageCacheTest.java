package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.vote.VoteService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cached pages are exact: a write to the store shows on the next request after the watcher sees it. */
final class PageCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aNewlyFeaturedPaper_appearsOnTheCachedPage() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String before = server.get("/papers/date/2030-01-01").body();
            assertThat(server.get("/papers/date/2030-01-01").body()).isEqualTo(before);
            assertThat(before).contains("No papers were featured on this day.");

            server.db().useTransaction(h -> {
                new PaperService(server.db())
                        .store(
                                h,
                                List.of(Paper.builder("2401.00001", "A paper from the future")
                                        .build()));
                new ListingService(server.db())
                        .store(
                                h,
                                List.of(new ListingEntry("2401.00001", LocalDate.of(2030, 1, 1), "tester", 3, "test")));
            });

            String after = Poll.until(
                    Duration.ofSeconds(2),
                    () -> server.get("/papers/date/2030-01-01").body(),
                    page -> !page.equals(before));
            assertThat(after).contains("A paper from the future").doesNotContain("No papers were featured");
        }
    }

    /**
     * Seen: two versions of a page rendered within one second had different ETags and the same
     * Last-Modified, and If-Modified-Since with the first version's date answered 304, so a client
     * holding it was told it was current. A client that validates by date alone (with the response's
     * Last-Modified, or its Date when there is none) must get the new version.
     */
    @Test
    void aPageChangedWithinTheSameSecond_isNot304ToThePreviousVersionsDate() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String page = "/papers/date/2030-01-02";
            int sameSecond = 0;
            for (int attempt = 0; attempt < 20 && sameSecond < 2; attempt++) {
                // Start at the top of a second, so that both versions usually fall within it.
                Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
                var v1 = server.get(page);
                String id = "2401.%05d".formatted(100 + attempt);
                server.db().useTransaction(h -> {
                    new PaperService(server.db())
                            .store(h, List.of(Paper.builder(id, "Paper " + id).build()));
                    new ListingService(server.db())
                            .store(h, List.of(new ListingEntry(id, LocalDate.of(2030, 1, 2), "tester", 1, "test")));
                });
                String etag = v1.headers().firstValue("etag").orElseThrow();
                var v2 = Poll.until(
                        Duration.ofSeconds(2),
                        () -> server.get(page),
                        r -> !r.headers().firstValue("etag").orElseThrow().equals(etag));
                assertThat(v2.body()).contains("Paper " + id);
                String v1Date = v1.headers()
                        .firstValue("last-modified")
                        .orElse(v1.headers().firstValue("date").orElseThrow());
                if (v1Date.equals(v2.headers().firstValue("date").orElseThrow())) {
                    sameSecond++;
                }

                var revalidated = server.get(page, "If-Modified-Since", v1Date);

                assertThat(revalidated.statusCode())
                        .as("asked with the date of a version it no longer serves")
                        .isEqualTo(200);
                assertThat(revalidated.body()).contains("Paper " + id);
            }
            assertThat(sameSecond)
                    .as("attempts where both versions fell within one second")
                    .isGreaterThanOrEqualTo(2);
            // The current version, once its second is over, still answers 304 to its own date.
            String lastModified = Poll.until(
                            Duration.ofSeconds(5),
                            () -> server.get(page),
                            r -> r.headers().firstValue("last-modified").isPresent())
                    .headers()
                    .firstValue("last-modified")
                    .orElseThrow();
            assertThat(server.get(page, "If-Modified-Since", lastModified).statusCode())
                    .isEqualTo(304);
        }
    }

    /**
     * Seen: any write emptied every node's cache (about 90 store queries per vote with 4 hot pages
     * on 3 nodes). A vote on X now refreshes the answers showing X and keeps the others: the kept
     * ones are served with the Last-Modified of their first rendering, seconds before the vote.
     */
    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aVote_refreshesThePagesShowingItsPaper_andKeepsTheOthers(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            Database db = server.db();
            List<String> days = db.withHandle(h -> h.createQuery(
                            "SELECT day FROM listings GROUP BY day HAVING count(*) BETWEEN 1 AND 10 ORDER BY day")
                    .mapTo(String.class)
                    .list());
            assertThat(days).hasSizeGreaterThanOrEqualTo(2);
            String voted = firstOn(db, days.get(0));
            String other = firstOn(db, days.get(1));
            List<String> showingVoted =
                    List.of("/api/papers/" + voted, "/papers/" + voted, "/papers/date/" + days.get(0));
            List<String> notShowingVoted = List.of("/api/papers/" + other, "/papers/date/" + days.get(1));
            List<String> all = concat(showingVoted, notShowingVoted);
            // Background workers (key phrases after the import) move the other data's version for a while.
            Map<String, String> lastModified = stableLastModified(server, all);
            Map<String, String> bodies = new HashMap<>();
            for (String path : all) {
                bodies.put(path, server.get(path).body());
            }
            int before = JSON.readTree(bodies.get("/api/papers/" + voted))
                    .get("upvotes")
                    .asInt();
            long member = db.withHandle(h -> h.createQuery(
                            "INSERT INTO users (email, name, display_name, password_hash, "
                                    + "created_at) VALUES ('v@example.org', 'voter', 'Voter', 'x', '2026-01-01T00:00:00Z') RETURNING id")
                    .mapTo(Long.class)
                    .one());

            new VoteService(db, new PaperService(db), Clock.systemUTC()).upvote(member, voted);
            server.awaitChangesSeen();

            assertThat(JSON.readTree(server.get("/api/papers/" + voted).body())
                            .get("upvotes")
                            .asInt())
                    .isEqualTo(before + 1);
            for (String path : showingVoted) {
                assertThat(server.get(path).body()).as(path + " shows the vote").isNotEqualTo(bodies.get(path));
            }
            for (String path : notShowingVoted) {
                var kept = server.get(path);
                assertThat(kept.body()).isEqualTo(bodies.get(path));
                assertThat(kept.headers().firstValue("last-modified").orElseThrow())
                        .as(path + " served from the cache")
                        .isEqualTo(lastModified.get(path));
            }
            // Trending may move with any vote: it is rendered again.
        }
    }

    // Every answer's Last-Modified once two rounds a second apart give the same: all kept in the cache.
    static Map<String, String> stableLastModified(TestServer server, List<String> paths) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, String> previous = Map.of();
        while (System.nanoTime() < deadline) {
            Map<String, String> now = new HashMap<>();
            for (String path : paths) {
                server.get(path).headers().firstValue("last-modified").ifPresent(date -> now.put(path, date));
            }
            if (now.size() == paths.size() && now.equals(previous)) {
                return now;
            }
            previous = now;
            Thread.sleep(1100);
        }
        throw new AssertionError("the answers were never all kept in the cache: " + previous);
    }

    private static String firstOn(Database db, String day) {
        return db.withHandle(
                h -> h.createQuery("SELECT paper_id FROM listings WHERE day = :day ORDER BY paper_id LIMIT 1")
                        .bind("day", day)
                        .mapTo(String.class)
                        .one());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void cacheHits_areStillCountedInMetrics() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            for (int i = 0; i < 3; i++) {
                server.get("/papers/trending");
            }
            String metrics = Poll.until(
                    Duration.ofSeconds(1),
                    () -> server.metrics().body(),
                    m -> m.contains("route=\"/papers/trending\",status=\"200\"} 3"));

            assertThat(metrics)
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",route=\"/papers/trending\",status=\"200\"} 3");
        }
    }

    /**
     * Trending moves with the clock, not only with votes: on a quiet site, where nothing changes the
     * store, a cached trending answer must not outlive the hour it was made in (seen: "8 upvotes in
     * the last 24 h" for days).
     */
    @Test
    void aCachedTrendingAnswer_isMadeAgainOnceTheHourHasPassed_withNoChangeToTheStore() throws Exception {
        String trending = "/api/daily_papers?sort=trending&limit=100";
        String paper = "2606.13594"; // featured 2026-06-12 with imported upvotes
        MovableClock clock = new MovableClock(Instant.parse("2026-06-12T12:00:00Z"));
        try (TestServer server = new TestServer(dir, site -> site.clock(clock))) {
            String kept = stableLastModified(server, List.of(trending)).get(trending);
            double score = trendingScore(server.get(trending).body(), paper);
            assertThat(score).isPositive();

            clock.advance(Duration.ofMinutes(30));
            var within = server.get(trending);
            assertThat(within.headers().firstValue("last-modified"))
                    .as("kept within the hour")
                    .hasValue(kept);
            assertThat(trendingScore(within.body(), paper)).isEqualTo(score);

            // A month later the imported upvotes weigh far less, though nothing in the store changed.
            clock.advance(Duration.ofDays(30));
            assertThat(trendingScore(server.get(trending).body(), paper)).isLessThan(score / 10);
        }
    }

    private static double trendingScore(String answer, String paper) throws Exception {
        for (JsonNode entry : JSON.readTree(answer)) {
            if (entry.at("/paper/id").asText().equals(paper)) {
                return entry.at("/trending/score").asDouble();
            }
        }
        throw new AssertionError(paper + " is not among the trending papers");
    }
}
