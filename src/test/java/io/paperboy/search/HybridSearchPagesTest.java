package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search page and API of a server that ranks hybrid (real embeddings of the sample papers). */
final class HybridSearchPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withEmbeddings(Files.createTempDirectory("paperboy-hybrid-search"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nonsense_isNoPaperMatches_withNoList() throws Exception {
        HttpResponse<String> page = server.get("/papers?q=qwzxv+plorkbat+flimflam");
        HttpResponse<String> api = server.get("/api/papers/search?q=qwzxv+plorkbat+flimflam");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("No paper matches")
                .doesNotContain("class=\"paper-card\"")
                .doesNotContain("Close in meaning");
        assertThat(JSON.readTree(api.body())).isEmpty();
    }

    @Test
    void aPhrase_inHybridRanking_listsOnlyPapersWithThePhrase() throws Exception {
        JsonNode hits = JSON.readTree(server.get("/api/papers/search?q=%22language+model%22&limit=100")
                .body());

        assertThat(hits).isNotEmpty();
        for (JsonNode hit : hits) {
            String text = (hit.get("title").asText() + " " + hit.get("summary").asText())
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", " ");
            assertThat(text).as(hit.get("title").asText()).containsPattern("language[ -]models?");
        }
    }

    @Test
    void aTypo_inHybridRanking_fallsBackToTypoTolerantWords() throws Exception {
        HttpResponse<String> page = server.get("/papers?q=diphotn");
        HttpResponse<String> api = server.get("/api/papers/search?q=diphotn");

        assertThat(page.body()).contains("these allow a typo or two").contains("href=\"/papers/0704.0001\"");
        assertThat(api.headers().firstValue("X-Search-Fuzzy")).hasValue("true");
    }

    @Test
    void theMcpSimilarPapersTool_listsTheSameNeighbours_eachWithItsReason() throws Exception {
        JsonNode similar = JSON.readTree(
                server.get("/api/papers/0704.0001/similar?limit=3").body());
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"similar_papers\","
                + "\"arguments\":{\"id\":\"0704.0001\",\"limit\":3}}}";

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/mcp")))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(call))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        String text = JSON.readTree(answer.body()).at("/result/content/0/text").asText();
        assertThat(text)
                .contains("1. [")
                .contains("— " + similar.get(0).get("id").asText())
                .contains(similar.get(0).get("why").asText())
                .doesNotContain("— 0704.0001 ");
    }

    @Test
    void similarPapers_areNearestByEmbedding_eachSayingWhy_andNeverThePaperItself() throws Exception {
        JsonNode similar = JSON.readTree(
                server.get("/api/papers/0704.0001/similar?limit=5").body());
        String page = server.get("/papers/0704.0001").body();

        assertThat(similar).hasSize(5);
        assertThat(similar.findValuesAsText("id")).doesNotContain("0704.0001");
        for (JsonNode paper : similar) {
            assertThat(paper.get("why").asText()).matches("(same authors?: .+|both use .+|close in meaning.*)");
            assertThat(paper.get("similarity").asDouble()).isBetween(-1.0, 1.0);
        }
        assertThat(page)
                .contains("Similar papers")
                .contains("href=\"/papers/" + similar.get(0).get("id").asText() + "\"")
                .contains("<span class=\"why\">");
    }
}
