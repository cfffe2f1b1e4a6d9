package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.paperboy.mcp.McpRoutes;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upvotes and reading-list changes are limited per account, 120 per 10 minutes, in one bucket
 * the pages (no-JS and htmx), the JSON API and the MCP tools all take from; attempts without an
 * account count per client address. On SQLite and PostgreSQL; the site's clock stands still, so
 * no action comes back while the test runs.
 */
final class ActionLimitTest {
    private static final String PAPER = "2606.13594"; // featured 2026-06-12
    private static final String VOTES_SPENT = "too many upvotes and withdrawn upvotes from your account "
            + "(120 per 10 minutes): try again in 5 seconds";
    private static final String SAVES_SPENT =
            "too many reading-list changes from your account " + "(120 per 10 minutes): try again in 5 seconds";

    @TempDir
    Path dir;

    private static TestServer server(Path dir, TestStore store) throws Exception {
        Clock still = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        return new TestServer(dir, store, site -> site.clock(still));
    }

    private static HttpResponse<String> api(
            TestServer server, WebSession session, String token, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return session.send(request);
    }

    private static McpSyncClient mcp(TestServer server, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.url(""))
                        .endpoint(McpRoutes.PATH)
                        .requestBuilder(request)
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    private static CallToolResult call(McpSyncClient client, String tool, boolean remove) {
        return client.callTool(new McpSchema.CallToolRequest(tool, Map.of("id", PAPER, "remove", remove)));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void upvotes_fromThePagesTheApiAndMcp_takeFromOneBucketPerAccount(TestStore store) throws Exception {
        try (TestServer server = server(dir, store)) {
            WebSession reader = server.browser().signUpConfirmed("upvoter");
            String token = reader.createApiToken("script");
            reader.get("/papers/" + PAPER);
            List<Integer> answers = new ArrayList<>();
            try (McpSyncClient assistant = mcp(server, token)) {
                for (int i = 0; i < 120; i++) { // up and down again, 30 through each door
                    String action = i % 2 == 0 ? "upvote" : "remove";
                    answers.add(
                            switch (i % 4) {
                                case 0 ->
                                    reader.post("/papers/" + PAPER + "/upvote", Map.of("action", action))
                                            .statusCode();
                                case 1 ->
                                    reader.postRaw(
                                                    "/papers/" + PAPER + "/upvote",
                                                    Map.of("action", action, "_csrf", reader.csrf()),
                                                    Map.of("HX-Request", "true"))
                                            .statusCode();
                                case 2 ->
                                    api(server, reader, token, "POST", "/api/papers/" + PAPER + "/upvote")
                                            .statusCode();
                                default -> call(assistant, "upvote_paper", true).isError() ? 429 : 200;
                            });
                }
                assertThat(answers).containsOnly(303, 200);

                // The 121st, through each door: refused, with when to try again.
                HttpResponse<String> byApi = api(server, reader, token, "POST", "/api/papers/" + PAPER + "/upvote");
                assertThat(byApi.statusCode()).isEqualTo(429);
                assertThat(byApi.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(byApi.body()).isEqualTo("{\"error\":\"" + VOTES_SPENT + "\"}");
                HttpResponse<String> byForm = reader.post("/papers/" + PAPER + "/upvote", Map.of("action", "upvote"));
                assertThat(byForm.statusCode()).isEqualTo(429);
                assertThat(byForm.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(byForm.body()).contains("<section class=\"error\"").contains(VOTES_SPENT);
                HttpResponse<String> byHtmx = reader.postRaw(
                        "/papers/" + PAPER + "/upvote",
                        Map.of("action", "upvote", "_csrf", reader.csrf()),
                        Map.of("HX-Request", "true"));
                assertThat(byHtmx.statusCode()).isEqualTo(429);
                assertThat(byHtmx.body()).contains(VOTES_SPENT); // app.js puts it in the page's flash region
                CallToolResult byMcp = call(assistant, "upvote_paper", false);
                assertThat(byMcp.isError()).isTrue();
                assertThat(text(byMcp)).isEqualTo(VOTES_SPENT);
            }

            // Another member, and the same member's saves, have their own buckets.
            WebSession other = server.browser().signUpConfirmed("other-upvoter");
            assertThat(api(server, other, other.createApiToken("t"), "POST", "/api/papers/" + PAPER + "/upvote")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api(server, reader, token, "POST", "/api/papers/" + PAPER + "/save")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void readingListChanges_fromThePagesTheApiAndMcp_takeFromOneBucketPerAccount(TestStore store) throws Exception {
        try (TestServer server = server(dir, store)) {
            WebSession reader = server.browser().signUpConfirmed("saver");
            String token = reader.createApiToken("script");
            reader.get("/papers/" + PAPER);
            List<Integer> answers = new ArrayList<>();
            try (McpSyncClient assistant = mcp(server, token)) {
                for (int i = 0; i < 120; i++) { // on and off the list again, through every door
                    String save = "/papers/" + PAPER + "/save";
                    answers.add(
                            i % 2 == 0
                                    ? switch (i / 2 % 4) {
                                        case 0 ->
                                            reader.post(save, Map.of("action", "save"))
                                                    .statusCode();
                                        case 1 ->
                                            reader.postRaw(
                                                            save,
                                                            Map.of("action", "save", "_csrf", reader.csrf()),
                                                            Map.of("HX-Request", "true"))
                                                    .statusCode();
                                        case 2 ->
                                            api(server, reader, token, "POST", "/api" + save)
                                                    .statusCode();
                                        default ->
                                            call(assistant, "save_paper", false).isError() ? 429 : 200;
                                    }
                                    : switch (i / 2 % 4) {
                                        case 0 ->
                                            reader.post("/saved/" + PAPER, Map.of("action", "remove"))
                                                    .statusCode();
                                        case 1 ->
                                            api(server, reader, token, "DELETE", "/api" + save)
                                                    .statusCode();
                                        case 2 ->
                                            call(assistant, "save_paper", true).isError() ? 429 : 200;
                                        default ->
                                            reader.postRaw(
                                                            save,
                                                            Map.of("action", "remove", "_csrf", reader.csrf()),
                                                            Map.of("HX-Request", "true"))
                                                    .statusCode();
                                    });
                }
                assertThat(answers).containsOnly(303, 200);

                HttpResponse<String> byApi = api(server, reader, token, "POST", "/api/papers/" + PAPER + "/save");
                assertThat(byApi.statusCode()).isEqualTo(429);
                assertThat(byApi.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(byApi.body()).isEqualTo("{\"error\":\"" + SAVES_SPENT + "\"}");
                HttpResponse<String> byForm = reader.post("/papers/" + PAPER + "/save", Map.of("action", "save"));
                assertThat(byForm.statusCode()).isEqualTo(429);
                assertThat(byForm.body()).contains("<section class=\"error\"").contains(SAVES_SPENT);
                CallToolResult byMcp = call(assistant, "save_paper", false);
                assertThat(byMcp.isError()).isTrue();
                assertThat(text(byMcp)).isEqualTo(SAVES_SPENT);
            }
            assertThat(api(server, reader, token, "POST", "/api/papers/" + PAPER + "/upvote")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void attemptsWithoutAnAccount_countPerClientAddress(TestStore store) throws Exception {
        try (TestServer server = server(dir, store);
                McpSyncClient anonymous = mcp(server, null)) {
            WebSession nobody = server.browser();
            for (int i = 0; i < 120; i++) {
                CallToolResult answer = i % 2 == 0 ? call(anonymous, "upvote_paper", false) : null;
                if (answer != null) {
                    assertThat(text(answer)).startsWith("this tool acts for a member");
                } else {
                    assertThat(api(server, nobody, null, "POST", "/api/papers/" + PAPER + "/upvote")
                                    .statusCode())
                            .isEqualTo(401);
                }
            }

            HttpResponse<String> refused = api(server, nobody, null, "POST", "/api/papers/" + PAPER + "/upvote");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body())
                    .contains("too many upvotes and withdrawn upvotes from your address (120 per 10 minutes)");
            assertThat(text(call(anonymous, "upvote_paper", false)))
                    .startsWith("too many upvotes and withdrawn upvotes " + "from your address");
            // A member on the same address has their own bucket.
            WebSession member = server.browser().signUpConfirmed("behind-the-same-address");
            assertThat(api(server, member, member.createApiToken("t"), "POST", "/api/papers/" + PAPER + "/upvote")
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
