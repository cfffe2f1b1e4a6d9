package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The search page, search feeds and similar papers through a real server. */
final class SearchPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    // The index follows the store in the background; wait until it has the samples.
    @BeforeAll
    static void indexed() throws Exception {
        Poll.until(
                Duration.ofSeconds(10),
                () -> SERVER.server().get("/papers?q=diphoton").body(),
                page -> page.contains("/papers/0704.0001"));
    }

    @Test
    void searchPage_listsHighlightedMatches() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers?q=diphoton");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"/papers/0704.0001\"")
                .contains("<mark>")
                .contains("href=\"/feeds/search.atom?q=diphoton\"")
                .contains("data-hx-get=\"/papers\"");
    }

    @Test
    void sortMenu_keepsTheChosenOrder_andAnUnknownOrderIsA422SayingWhy() throws Exception {
        HttpResponse<String> newest = SERVER.server().get("/papers?q=model&sort=date");
        HttpResponse<String> unknown = SERVER.server().get("/papers?q=model&sort=oldest");

        assertThat(newest.statusCode()).isEqualTo(200);
        assertThat(newest.body())
                .contains("<option value=\"date\" selected>newest</option>")
                .contains("class=\"paper-card\"");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("sort must be one of: relevance, date, upvotes")
                .contains("value=\"model\"");
    }

    @Test
    void emptyQuery_showsTheForm() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form class=\"search\"").doesNotContain("class=\"paper-card\"");
    }

    @Test
    void unrunnableQuery_isA422PageKeepingTheQuery() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers?q=" + "x".repeat(1100));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("role=\"alert\"").contains("value=\"xxxxxxxx");
    }

    @Test
    void searchFeed_parsesWithRome() throws Exception {
        SyndFeed feed = new SyndFeedInput()
                .build(new StringReader(
                        SERVER.server().get("/feeds/search.atom?q=diphoton").body()));

        assertThat(feed.getEntries()).isNotEmpty();
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo(SERVER.server().url("/papers/0704.0001"));
    }

    @Test
    void withoutEmbeddings_thereAreNoSimilarPapers_ratherThanWordOverlapPassedOffAsSimilar() throws Exception {
        JsonNode similar = JSON.readTree(
                SERVER.server().get("/api/papers/0704.0001/similar?limit=5").body());

        assertThat(similar).isEmpty();
        assertThat(SERVER.server().get("/papers/0704.0001").body()).doesNotContain("Similar papers");
    }

    @Test
    void similarPapersOfAnUnknownOrMalformedId_are404And400() throws Exception {
        assertThat(SERVER.server().get("/api/papers/2401.99999/similar").statusCode())
                .isEqualTo(404);
        assertThat(SERVER.server().get("/api/papers/nonsense/similar").statusCode())
                .isEqualTo(400);
        assertThat(SERVER.server()
                        .get("/api/papers/0704.0001/similar?limit=500")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void searchPage_saysHowManyPapersMatch_andPagesThroughThemKeepingQueryAndOrder() throws Exception {
        int total = Integer.parseInt(SERVER.server()
                .get("/api/papers/search?q=model")
                .headers()
                .firstValue("X-Total-Count")
                .orElseThrow());
        HttpResponse<String> first = SERVER.server().get("/papers?q=model&sort=date");
        HttpResponse<String> second = SERVER.server().get("/papers?q=model&sort=date&page=2");

        assertThat(total).isGreaterThan(SearchPages.LIMIT); // else there is no second page to see
        assertThat(first.body())
                .contains(String.format(java.util.Locale.ROOT, "%,d papers match", total))
                .contains("Showing 1–50.")
                .contains("<a rel=\"next\" href=\"/papers?q=model&amp;sort=date&amp;page=2\">")
                .doesNotContain("rel=\"prev\"");
        assertThat(second.body())
                .contains("Showing 51–")
                .contains("id=\"paper-51\"")
                .contains("<a rel=\"prev\" href=\"/papers?q=model&amp;sort=date\">");
    }

    @Test
    void aBadPageNumber_isA422PageSayingWhatIsAllowed() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers?q=model&page=0");

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("page must be a whole number from 1 to 20")
                .contains("value=\"model\"");
    }

    @Test
    void anArxivAddress_findsThatPaper_andAnIdTheSiteLacks_offersToSubmitIt() throws Exception {
        HttpResponse<String> known = SERVER.server()
                .get("/papers?q=" + java.net.URLEncoder.encode("https://arxiv.org/abs/0704.0001v2", "UTF-8"));
        HttpResponse<String> missing = SERVER.server().get("/papers?q=2106.09685");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.body()).contains("1 paper matches").contains("href=\"/papers/0704.0001\"");
        assertThat(known.body().split("class=\"paper-card\"", -1)).hasSize(2);
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body())
                .contains("arXiv 2106.09685 is not on this site yet")
                .contains("href=\"/submit?arxiv=2106.09685\"");
    }
}
