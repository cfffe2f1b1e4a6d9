package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.app.Site;
import io.paperboy.app.WebServer;
import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Poll;
import io.paperboy.testing.Samples;
import io.paperboy.testing.TestStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/papers/search} through a real server on a free port, over real HTTP. */
final class SearchApiTest {
    @TempDir
    static Path dir;

    private static Database db;
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        db = TestStore.SQLITE.open(dir);
        new Importer(db, new PaperService(db), new ListingService(db), LocalDate.of(2026, 11, 29))
                .run(
                        List.of(
                                Samples.copy(Samples.SEED, dir),
                                Samples.copy(Samples.HF_DAILY, dir),
                                Samples.copy(Samples.SNAPSHOT, dir)),
                        false);
        server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        db.close();
    }

    private static HttpResponse<String> search(String q, String... more) throws Exception {
        String query = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + String.join("", more);
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/papers/search?" + query);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void results_areAnArrayOfPapersInHuggingFaceShape() throws Exception {
        HttpResponse<String> response = search("memory evolution LLM agents");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode first = JSON.readTree(response.body()).get(0);
        JsonNode paper = first.get("paper");
        assertThat(paper.get("id").asText()).isEqualTo("2606.13681");
        assertThat(paper.get("upvotes").asInt()).isEqualTo(118);
        assertThat(paper.get("authors").get(0).has("name")).isTrue();
        assertThat(paper.get("publishedAt").asText()).endsWith("T00:00:00.000Z");
        assertThat(first.get("title").asText()).startsWith("EvoArena");
        assertThat(first.get("summary").asText()).isEqualTo(paper.get("summary").asText());
        assertThat(first.get("highlightedTitle").asText()).contains("<mark>Memory</mark> <mark>Evolution</mark>");
        assertThat(first.get("highlightedSummary").asText()).contains("<mark>");
    }

    @Test
    void limit_capsTheNumberOfResults() throws Exception {
        assertThat(JSON.readTree(search("model", "&limit=3").body()).size()).isEqualTo(3);
    }

    @Test
    void badLimitOrEmptyQuery_is400WithAJsonErrorSayingWhatIsAllowed() throws Exception {
        HttpResponse<String> limit = search("model", "&limit=ten");
        HttpResponse<String> empty = search("   ");

        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(limit.body()).get("error").asText())
                .isEqualTo("limit must be a whole number between 1 and 100 (got 'ten')");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("error").asText())
                .isEqualTo("q must contain something to search for");
    }

    @Test
    void rankingByMeaning_withoutEmbeddings_orAnUnknownRanking_is400SayingWhy() throws Exception {
        HttpResponse<String> hybrid = search("model", "&ranking=hybrid");
        HttpResponse<String> unknown = search("model", "&ranking=best");

        assertThat(hybrid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(hybrid.body()).get("error").asText())
                .isEqualTo("ranking by hybrid needs semantic search, which is off on this server (serve --embeddings)");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").asText())
                .isEqualTo("ranking must be one of: bm25, vectors, hybrid");
        assertThat(search("model", "&ranking=bm25").statusCode()).isEqualTo(200);
    }

    @Test
    void sortByDate_listsTheMatchingPapersNewestFirst() throws Exception {
        JsonNode byRelevance = JSON.readTree(search("model", "&limit=100").body());
        JsonNode byDate = JSON.readTree(search("model", "&limit=100&sort=date").body());

        List<String> dates = new java.util.ArrayList<>();
        byDate.forEach(r -> dates.add(r.get("publishedAt").asText()));
        assertThat(dates).hasSizeGreaterThan(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ids(byDate)).isNotEqualTo(ids(byRelevance));
    }

    @Test
    void sortByUpvotes_listsTheMostUpvotedMatchesFirst_thenTheOthers() throws Exception {
        JsonNode byUpvotes =
                JSON.readTree(search("model", "&limit=100&sort=upvotes").body());

        List<Integer> upvotes = new java.util.ArrayList<>();
        byUpvotes.forEach(r -> upvotes.add(r.get("paper").get("upvotes").asInt()));
        assertThat(upvotes).hasSizeGreaterThan(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(upvotes.get(0)).isGreaterThan(50);
        assertThat(upvotes).contains(0);
    }

    @Test
    void anUnknownSort_is400SayingWhatIsAllowed() throws Exception {
        HttpResponse<String> response = search("model", "&sort=best");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText())
                .isEqualTo("sort must be one of: relevance, date, upvotes");
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new java.util.ArrayList<>();
        results.forEach(r -> ids.add(r.get("paper").get("id").asText()));
        return ids;
    }

    @Test
    void everyHostileQuery_isAnsweredWithResultsOrA400_neverA500() throws Exception {
        for (String q : HostileQueries.all()) {
            HttpResponse<String> response = search(q);

            assertThat(response.statusCode()).as("status for %s", q).isIn(200, 400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(
                            response.statusCode() == 200
                                    ? body.isArray()
                                    : body.get("error").isTextual())
                    .as(q)
                    .isTrue();
        }
    }

    @Test
    void aTypo_givesFuzzyResultsMarkedInAHeader() throws Exception {
        HttpResponse<String> response = search("diphotn tevatrn");

        assertThat(response.headers().firstValue("X-Search-Fuzzy")).hasValue("true");
        assertThat(JSON.readTree(response.body()).get(0).get("paper").get("id").asText())
                .isEqualTo("0704.0001");
    }

    @Test
    void aPaperStoredWhileServing_isFoundWithinSeconds() throws Exception {
        PaperService papers = new PaperService(db);
        db.useTransaction(h -> papers.store(
                h,
                List.of(Paper.builder("2611.00001", "Wombat burrow acoustics").build())));

        JsonNode results = Poll.until(
                Duration.ofSeconds(10), () -> JSON.readTree(search("wombat").body()), found -> !found.isEmpty());

        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("paper").get("id").asText()).isEqualTo("2611.00001");
    }

    @Test
    void metrics_showTheIndexSize_andThatEveryPaperWaitsForAnEmbeddingOnAServerWithoutThem() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.listenForMetrics("127.0.0.1", 0) + "/metrics");
        String metrics = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();

        double documents = gauge(metrics, "paperboy_search_documents");
        assertThat(documents).isGreaterThanOrEqualTo(114 + 30 + 200);
        assertThat(gauge(metrics, "paperboy_search_embeddings_pending")).isEqualTo(documents);
        assertThat(gauge(metrics, "paperboy_search_applied_change")).isPositive();
        assertThat(gauge(metrics, "paperboy_search_vectors_applied")).isZero();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
    }

    @Test
    void pages_sayTheTotalAndLinkTheNextAndPreviousPage_keepingTheQuery() throws Exception {
        HttpResponse<String> first = search("model", "&limit=100&sort=date");
        JsonNode all = JSON.readTree(first.body());
        HttpResponse<String> second = search("model", "&limit=3&sort=date&p=1");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(all).hasSize(100);
        assertThat(first.headers().firstValue("X-Total-Count"))
                .isEqualTo(second.headers().firstValue("X-Total-Count"));
        // The count is every paper with the word, not the page.
        assertThat(Integer.parseInt(second.headers().firstValue("X-Total-Count").orElseThrow()))
                .isGreaterThan(100);
        assertThat(java.util.stream.StreamSupport.stream(
                                JSON.readTree(second.body()).spliterator(), false)
                        .map(hit -> hit.get("title").asText())
                        .toList())
                .containsExactly(
                        all.get(3).get("title").asText(),
                        all.get(4).get("title").asText(),
                        all.get(5).get("title").asText());
        assertThat(second.headers().firstValue("Link").orElseThrow())
                .contains("</api/papers/search?q=model&limit=3&sort=date&p=2>; rel=\"next\"")
                .contains("</api/papers/search?q=model&limit=3&sort=date&p=0>; rel=\"prev\"");
    }

    @Test
    void theLastPage_hasNoNextLink_andABadPageIs400SayingWhy() throws Exception {
        int total = Integer.parseInt(
                search("diphoton").headers().firstValue("X-Total-Count").orElseThrow());
        HttpResponse<String> last = search("diphoton", "&limit=1&p=" + (total - 1));
        HttpResponse<String> negative = search("model", "&p=-1");
        HttpResponse<String> deep = search("model", "&limit=100&p=10");

        assertThat(last.headers().firstValue("Link").orElse("")).doesNotContain("rel=\"next\"");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(negative.body()).get("error").asText()).contains("p must be a page number from 0");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(deep.body()).get("error").asText()).contains("first 1000 results");
    }
}
