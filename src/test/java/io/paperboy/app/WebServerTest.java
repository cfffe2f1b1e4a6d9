package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API through a real server on a free port, over real HTTP. */
final class WebServerTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(String path) throws Exception {
        return SERVER.server().get(path);
    }

    @Test
    void paper_isAnsweredInHuggingFaceShape() throws Exception {
        HttpResponse<String> response = get("/api/papers/2606.13681");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode paper = JSON.readTree(response.body());
        assertThat(paper.get("id").asText()).isEqualTo("2606.13681");
        assertThat(paper.get("upvotes").asInt()).isEqualTo(118);
        assertThat(paper.get("authors").get(0).has("name")).isTrue();
        assertThat(paper.get("summary").asText()).isNotBlank();
        assertThat(paper.get("publishedAt").asText()).endsWith("T00:00:00.000Z");
    }

    @Test
    void versionedAndUrlFormsOfAnId_findTheSamePaper() throws Exception {
        assertThat(JSON.readTree(get("/api/papers/0704.0001v2").body())
                        .get("title")
                        .asText())
                .startsWith("Calculation of prompt diphoton");
    }

    @Test
    void unknownPaper_is404WithAJsonError() throws Exception {
        HttpResponse<String> response = get("/api/papers/2401.99999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no paper with id 2401.99999");
    }

    @Test
    void malformedId_is400SayingWhy() throws Exception {
        HttpResponse<String> response = get("/api/papers/not-an-id");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("not-an-id");
    }

    @Test
    void oldStyleIdWithASlash_isRouted() throws Exception {
        HttpResponse<String> response = get("/api/papers/hep-th/9901001");

        // Not in the samples, so a 404 from our handler (a JSON error naming the id), not the router.
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no paper with id hep-th/9901001");
    }

    @Test
    void health_answersFromTheChangeCounter_notACountOfPapers() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
        assertThat(JSON.readTree(response.body()).get("changes").asLong()).isGreaterThanOrEqualTo(114 + 30 + 200);
        assertThat(JSON.readTree(response.body()).has("papers")).isFalse();
    }

    @Test
    void unknownApiRoute_is404Json() throws Exception {
        HttpResponse<String> response = get("/api/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("/api/no/such/thing");
    }

    @Test
    void unknownPage_is404Html() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>404 Not Found</h1>").contains("no such page: /no/such/thing");
    }
}
