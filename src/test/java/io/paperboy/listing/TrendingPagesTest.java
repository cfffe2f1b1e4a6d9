package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trending on the page, in the API and in the feed, and the page that explains it. */
final class TrendingPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aboutRanking_givesTheExactFormula_inPlainWords() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/about/ranking");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("score = Σ 1 / (h + 2) ^ 1.8")
                .contains("h = hours since that upvote was cast")
                .contains("count as cast at 00:00 UTC of the day the\n    paper was featured")
                .contains("one cast this minute weighs 0.2872");
    }

    @Test
    void trendingPage_saysWhyEachPaperTrends_andLinksTheExplanation() throws Exception {
        String page = SERVER.server().get("/papers/trending").body();

        assertThat(page)
                .contains("<p class=\"why\"")
                .contains("imported upvotes, counted as cast on")
                .contains("href=\"/about/ranking\"");
    }

    @Test
    void apiSortTrending_answersTheTrendingPapers_highestScoreFirst_withTheirReasons() throws Exception {
        JsonNode entries = JSON.readTree(
                SERVER.server().get("/api/daily_papers?sort=trending&limit=100").body());

        List<Double> scores = new ArrayList<>();
        entries.forEach(e -> scores.add(e.at("/trending/score").asDouble()));
        assertThat(entries.size()).isPositive();
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(entries.get(0).at("/trending/why").asText()).isNotBlank();
    }

    @Test
    void apiSortTrending_withADate_ranksThatDaysPapersByScore() throws Exception {
        JsonNode entries = JSON.readTree(SERVER.server()
                .get("/api/daily_papers?date=2026-06-12&sort=trending&limit=100")
                .body());

        assertThat(entries)
                .allSatisfy(e ->
                        assertThat(e.at("/paper/submittedOnDailyAt").asText()).startsWith("2026-06-12"));
        // One day's imported votes share one age, so the score orders them as their counts do.
        List<Integer> upvotes = new ArrayList<>();
        entries.forEach(e -> upvotes.add(e.at("/paper/upvotes").asInt()));
        assertThat(upvotes).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void apiSortPublishedAt_putsTheNewestPaperFirst() throws Exception {
        JsonNode entries = JSON.readTree(SERVER.server()
                .get("/api/daily_papers?date=2026-06-12&sort=publishedAt&limit=100")
                .body());

        List<String> published = new ArrayList<>();
        entries.forEach(e -> published.add(e.at("/paper/publishedAt").asText()));
        assertThat(published).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void apiUnknownSort_is400_namingTheAcceptedValues() throws Exception {
        HttpResponse<String> answer = SERVER.server().get("/api/daily_papers?sort=hot");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("error").asText())
                .isEqualTo("sort must be one of: upvotes, trending, publishedAt; not 'hot'");
    }

    @Test
    void trendingFeed_saysWhyInEachItem() throws Exception {
        assertThat(SERVER.server().get("/feeds/trending.atom").body()).contains("Trending: ");
    }
}
