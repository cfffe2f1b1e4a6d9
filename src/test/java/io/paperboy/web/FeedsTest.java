package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds read back with Rome, a real feed library, and compared with the store. */
final class FeedsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SyndFeed parse(String path) throws Exception {
        return new SyndFeedInput()
                .build(new StringReader(SERVER.server().get(path).body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss"})
    void dailyFeed_parsesWithEveryItemsTitleLinkAuthorsAbstractDateAndId(String format) throws Exception {
        SyndFeed feed = parse("/feeds/daily." + format + "?date=2026-06-12");

        assertThat(feed.getEntries()).hasSize(30);
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getTitle()).isNotBlank();
        assertThat(first.getLink()).isEqualTo(SERVER.server().url("/papers/2606.13681"));
        assertThat(first.getPublishedDate()).isNotNull();
        assertThat(first.getDescription().getValue()).isNotBlank();
        if (format.equals("atom")) {
            assertThat(first.getUri()).isEqualTo(SERVER.server().url("/papers/2606.13681"));
            assertThat(first.getAuthors()).isNotEmpty();
        }
    }

    @Test
    void jsonFeed_isVersion11WithTheSameItems() throws Exception {
        JsonNode feed = JSON.readTree(
                SERVER.server().get("/feeds/daily.json?date=2026-06-12").body());

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("items")).hasSize(30);
        assertThat(feed.at("/items/0/url").asText()).isEqualTo(SERVER.server().url("/papers/2606.13681"));
        assertThat(feed.at("/items/0/authors/0/name").isTextual()).isTrue();
    }

    /** Every seed paper comes back out of the daily feeds with its title and abstract intact. */
    @Test
    void seedPapers_roundTripThroughTheDailyFeeds() throws Exception {
        Set<String> days = new TreeSet<>();
        java.util.List<String> seedLines = java.nio.file.Files.readAllLines(
                io.paperboy.testing.Samples.copy(io.paperboy.testing.Samples.SEED, SERVER.dir()));
        Set<String> expected = new HashSet<>();
        for (String line : seedLines) {
            JsonNode seed = JSON.readTree(line);
            expected.add(seed.get("title").asText().strip().replaceAll("\\s+", " ") + "|"
                    + seed.get("abstract").asText().strip());
        }
        for (String line : seedLines) {
            JsonNode seed = JSON.readTree(line);
            days.add(seedDay(seed));
        }
        Set<String> fromFeeds = new HashSet<>();
        for (String day : days) {
            for (SyndEntry entry : parse("/feeds/daily.atom?date=" + day).getEntries()) {
                fromFeeds.add(entry.getTitle() + "|" + entry.getDescription().getValue());
            }
        }
        assertThat(fromFeeds).containsAll(expected);
    }

    private static String seedDay(JsonNode seed) {
        if (seed.hasNonNull("published")) {
            return seed.get("published").asText();
        }
        if (seed.hasNonNull("arxiv_id")) {
            String id = seed.get("arxiv_id").asText();
            return "20" + id.substring(0, 2) + "-" + id.substring(2, 4) + "-01";
        }
        return TestServer.IMPORT_DATE.toString();
    }

    @Test
    void trendingFeed_keepsTheFilter() throws Exception {
        SyndFeed withCode = parse("/feeds/trending.atom?code=1");

        assertThat(withCode.getEntries())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(SERVER.server()
                                .get(e.getLink().substring(e.getLink().indexOf("/papers/")))
                                .body())
                        .contains(">Code</a>"));
    }

    @Test
    void pages_advertiseTheirFeeds() throws Exception {
        assertThat(SERVER.server().get("/papers/date/2026-06-12").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("href=\"/feeds/daily.rss?date=2026-06-12\"");
    }
}
