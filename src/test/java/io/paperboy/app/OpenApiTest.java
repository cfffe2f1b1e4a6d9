package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.testing.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the API routes the server has. */
final class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyApiRoute_isInTheOpenApiDocument_andNothingElse() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir)) {
            WebServer server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
            try {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + server.port() + "/api/openapi.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                JsonNode document = new ObjectMapper().readTree(response.body());

                assertThat(document.get("openapi").asText()).startsWith("3.");
                List<String> documented = new ArrayList<>();
                document.get("paths")
                        .fields()
                        .forEachRemaining(path -> path.getValue()
                                .fieldNames()
                                .forEachRemaining(
                                        method -> documented.add(method.toUpperCase() + " " + path.getKey())));
                List<String> served = server.routes().stream()
                        .filter(route -> route.contains(" /api/"))
                        .map(route -> route.replaceAll("[<{]([^>}]+)[>}]", "{$1}"))
                        .toList();
                assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
            } finally {
                server.stop();
            }
        }
    }
}
