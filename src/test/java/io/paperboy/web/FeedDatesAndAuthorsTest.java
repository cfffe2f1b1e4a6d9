package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds never date anything 1970-01-01 and never name an empty author, in every format. */
final class FeedDatesAndAuthorsTest {
    private static final Instant JUNE = Instant.parse("2026-06-12T00:00:00Z");
    private final FeedWriter writer = new FeedWriter();

    private static Feed.Item item(String id, List<String> authors, Instant date) {
        return new Feed.Item(
                "http://x/papers/" + id, "Paper " + id, "http://x/papers/" + id, authors, "About " + id, date);
    }

    @Test
    void aFeedWithoutItems_isDatedNow_notTheEpoch() {
        Feed empty = new Feed("http://x/f", "F", "D", "http://x/", null, List.of());

        assertThat(Duration.between(empty.updated(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(writer.write(empty, FeedWriter.Format.ATOM)).doesNotContain("1970-01-01");
    }

    @Test
    void anItemWithoutADate_takesTheFeedsDate_whichIsItsNewestItems() {
        Feed feed = new Feed(
                "http://x/f",
                "F",
                "D",
                "http://x/",
                null,
                List.of(item("1", List.of("Ada"), JUNE), item("2", List.of("Bo"), null)));

        assertThat(feed.updated()).isEqualTo(JUNE);
        assertThat(feed.items()).extracting(Feed.Item::date).containsOnly(JUNE);
        for (FeedWriter.Format format : FeedWriter.Format.values()) {
            assertThat(writer.write(feed, format)).as(format.name()).doesNotContain("1970");
        }
    }

    @Test
    void blankAuthorNames_areLeftOut_andAnEntryWithoutAuthors_fallsBackOnTheFeedsAuthor() throws Exception {
        Feed feed = new Feed(
                "http://x/f",
                "F",
                "D",
                "http://x/",
                JUNE,
                List.of(item("1", List.of(), JUNE), item("2", Arrays.asList(" ", "", null, "Ada"), JUNE)));

        String atom = writer.write(feed, FeedWriter.Format.ATOM);
        JsonNode json = new ObjectMapper().readTree(writer.write(feed, FeedWriter.Format.JSON));

        assertThat(atom)
                .doesNotContainPattern("<name\\s*/>|<name>\\s*</name>")
                .containsPattern(
                        "<feed[^>]*>[\\s\\S]*?<author>\\s*<name>Paperboy</name>\\s*</author>[\\s\\S]*?<entry>");
        assertThat(atom.split("<name>Ada</name>", -1)).hasSize(2);
        assertThat(json.at("/items/0/authors").isMissingNode()).isTrue();
        assertThat(json.at("/items/1/authors").size()).isEqualTo(1);
        assertThat(json.at("/items/1/authors/0/name").asText()).isEqualTo("Ada");
    }
}
