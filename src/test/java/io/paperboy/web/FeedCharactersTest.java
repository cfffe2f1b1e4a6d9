package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.paperboy.testing.ServerExtension;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Characters XML cannot carry, in a search term or a paper's text, never break a feed. */
final class FeedCharactersTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final String HOSTILE = "attention\u0001\u0008\u001b\uFFFE\uFFFF\uD800 x";
    // A URL cannot carry a lone surrogate (UTF-8 has no bytes for it): the query holds the rest.
    private static final String HOSTILE_QUERY = "attention\u0001\u0008\u001b\uFFFE\uFFFF x";

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "json"})
    void aSearchFeed_withControlCharactersOrNonCharactersInTheQuery_isWellFormed(String format) throws Exception {
        HttpResponse<String> response = SERVER.server()
                .get("/feeds/search." + format + "?q=" + URLEncoder.encode(HOSTILE_QUERY, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        if (format.equals("json")) {
            assertThat(new ObjectMapper().readTree(response.body()).get("title").asText())
                    .isEqualTo("Search: attention x · Paperboy");
        } else {
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            assertThat(feed.getTitle()).isEqualTo("Search: attention x · Paperboy");
            assertThat(feed.getEntries()).isNotEmpty();
        }
    }

    /** Listing, trending and private feeds write through the same Feed: a paper's text with such characters. */
    @ParameterizedTest
    @EnumSource(FeedWriter.Format.class)
    void everyFormat_dropsWhatXmlCannotCarry_fromEveryField(FeedWriter.Format format) throws Exception {
        Feed.Item item = new Feed.Item(
                "http://x/papers/1" + HOSTILE,
                "Title " + HOSTILE,
                "http://x/papers/1",
                List.of("Author " + HOSTILE),
                "Summary " + HOSTILE,
                Instant.EPOCH);
        Feed feed = new Feed(
                "http://x/feed", "Feed " + HOSTILE, "About " + HOSTILE, "http://x/", Instant.EPOCH, List.of(item));

        String written = new FeedWriter().write(feed, format);

        assertThat(written)
                .doesNotContain("\u0001", "\u001b", "\uFFFE", "\uFFFF")
                .contains("Title attention x");
        if (format == FeedWriter.Format.JSON) {
            assertThat(new ObjectMapper()
                            .readTree(written)
                            .at("/items/0/authors/0/name")
                            .asText())
                    .isEqualTo("Author attention x");
        } else {
            SyndFeed read = new SyndFeedInput().build(new StringReader(written));
            assertThat(read.getEntries().get(0).getTitle()).isEqualTo("Title attention x");
            assertThat(read.getTitle()).isEqualTo("Feed attention x");
        }
    }
}
