package io.paperboy.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MCP endpoint through a real server, called by the SDK's own client over streamable HTTP. */
final class McpRoutesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAPER = "2606.12730"; // featured 2026-06-12, with a GitHub repository

    private static TestServer server() {
        return SERVER.server();
    }

    private static McpSyncClient client(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server().url(""))
                        .endpoint(McpRoutes.PATH)
                        .requestBuilder(request)
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    private static CallToolResult call(McpSyncClient client, String tool, Object... nameThenValue) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            arguments.put((String) nameThenValue[i], nameThenValue[i + 1]);
        }
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static String ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return text(result);
    }

    private static String refused(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isTrue();
        return text(result);
    }

    @Test
    void listTools_namesEveryTool_andMarksWhichOnlyRead() {
        try (McpSyncClient client = client(null)) {
            List<McpSchema.Tool> tools = client.listTools().tools();

            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsExactly(
                            "search_papers",
                            "get_paper",
                            "daily_papers",
                            "weekly_papers",
                            "monthly_papers",
                            "trending_papers",
                            "similar_papers",
                            "upvote_paper",
                            "save_paper",
                            "for_you");
            McpSchema.Tool search = tools.get(0);
            assertThat(search.inputSchema().get("required")).isEqualTo(List.of("query"));
            assertThat(List.copyOf(((Map<?, ?>) search.inputSchema().get("properties")).keySet()))
                    .isEqualTo(List.of("query", "mode", "sort", "limit"));
            assertThat(search.annotations().readOnlyHint()).isTrue();
            assertThat(tools.get(7).annotations().readOnlyHint()).isFalse();
        }
    }

    @Test
    void searchPapers_inKeywordMode_findsThePaperWithItsLink() {
        try (McpSyncClient client = client(null)) {
            String answer = ok(call(client, "search_papers", "query", "diphoton", "mode", "keyword"));

            assertThat(answer)
                    .startsWith("## Papers for \"diphoton\"")
                    .contains("](" + server().url("/papers/0704.0001") + ") — 0704.0001");
        }
    }

    @Test
    void searchPapers_usesTheQueryLanguage() {
        try (McpSyncClient client = client(null)) {
            String byAuthor = ok(call(client, "search_papers", "query", "author:\"Rafal Kocielnik\"", "sort", "date"));
            String excluded = ok(call(client, "search_papers", "query", "diphoton -cat:hep-ph"));

            assertThat(byAuthor).contains("— " + PAPER).contains("— 2606.00467");
            assertThat(byAuthor.indexOf("— " + PAPER)).isLessThan(byAuthor.indexOf("— 2606.00467")); // newer first
            assertThat(excluded).doesNotContain("— 0704.0001");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mode|fuzzy|argument 'mode' must be one of: keyword, hybrid, meaning; not 'fuzzy'",
                "limit|lots|argument 'limit' must be a whole number between 1 and 50, not 'lots'",
                "limit|0|argument 'limit' must be between 1 and 50, not 0",
                "sort|best|argument 'sort' must be one of: relevance, date, upvotes; not 'best'",
                "colour|red|unknown argument 'colour'; this tool takes: query, mode, sort, limit",
            })
    void searchPapers_badArgument_isAToolErrorNamingIt(String name, String value, String message) {
        try (McpSyncClient client = client(null)) {
            assertThat(refused(call(client, "search_papers", "query", "diffusion", name, value)))
                    .isEqualTo(message);
        }
    }

    @Test
    void searchPapers_withoutAQuery_orWithOneThatCannotRun_saysWhy() {
        try (McpSyncClient client = client(null)) {
            assertThat(refused(call(client, "search_papers"))).isEqualTo("argument 'query' is required");
            assertThat(refused(call(client, "search_papers", "query", 42)))
                    .isEqualTo("argument 'query' must be a string, not 42");
            assertThat(refused(call(client, "search_papers", "query", "year:2024..2020")))
                    .startsWith("argument 'query' cannot be run: ");
        }
    }

    @Test
    void searchPapers_byMeaning_onASiteThatDoesNotEmbed_isAToolErrorSayingSo() {
        try (McpSyncClient client = client(null)) {
            assertThat(refused(call(client, "search_papers", "query", "diffusion", "mode", "hybrid")))
                    .startsWith("argument 'query' cannot be run: ranking by hybrid");
        }
    }

    @Test
    void getPaper_isMarkdownWithTheAbstractAndLinks() {
        try (McpSyncClient client = client(null)) {
            String paper = ok(call(client, "get_paper", "id", "arXiv:" + PAPER + "v1"));

            assertThat(paper)
                    .startsWith("# Rethinking Psychometric Evaluation of LLMs: When and Why Self-Reports "
                            + "Predict Behavior\n")
                    .contains("- **Id:** " + PAPER)
                    .contains("- **Authors:** Rafal Kocielnik, Pengrui Han")
                    .contains("- **arXiv:** https://arxiv.org/abs/" + PAPER)
                    .contains("- **github:** https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs")
                    .contains("## Abstract\n\nAnticipating LLM behavioral tendencies");
        }
    }

    @Test
    void getPaper_unknownOrMalformedId_isAToolError() {
        try (McpSyncClient client = client(null)) {
            assertThat(refused(call(client, "get_paper", "id", "2512.99999")))
                    .isEqualTo("no paper with id 2512.99999 on this site");
            assertThat(refused(call(client, "get_paper", "id", "not a paper")))
                    .startsWith("argument 'id' is not a paper id: ");
            assertThat(refused(call(client, "get_paper"))).isEqualTo("argument 'id' is required");
        }
    }

    @Test
    void dailyWeeklyMonthly_listTheFeaturedPapers_andFilters() {
        try (McpSyncClient client = client(null)) {
            String day = ok(call(client, "daily_papers", "date", "2026-06-12"));
            String week = ok(call(client, "weekly_papers", "week", "2026-W24"));
            String month = ok(call(client, "monthly_papers", "month", "2026-06", "limit", 100));
            String withCode = ok(call(client, "daily_papers", "date", "2026-06-12", "has_code", true, "limit", 100));

            assertThat(day)
                    .startsWith("## Friday, June 12, 2026 (2026-06-12)")
                    .contains("— " + PAPER)
                    .contains("Why: featured on 2026-06-12");
            assertThat(week).startsWith("## Week 24 of 2026 (2026-W24)").contains("— " + PAPER);
            assertThat(month).startsWith("## June 2026 (2026-06)").contains("— " + PAPER);
            assertThat(withCode).contains("— " + PAPER).doesNotContain("— 2606.00467"); // that one has no code
        }
    }

    @Test
    void lists_badPeriodOrCategory_areToolErrors() {
        try (McpSyncClient client = client(null)) {
            assertThat(refused(call(client, "daily_papers", "date", "2026-13-40")))
                    .startsWith("argument 'date': ");
            assertThat(refused(call(client, "weekly_papers", "week", "2026-06")))
                    .startsWith("argument 'week': ");
            assertThat(refused(call(client, "monthly_papers", "month", "June"))).startsWith("argument 'month': ");
            assertThat(refused(call(client, "trending_papers", "category", "cs.CL; drop")))
                    .isEqualTo("argument 'category': 'cs.CL; drop' is not an arXiv category such as cs.CL");
            assertThat(refused(call(client, "daily_papers", "date", "2026-06-12", "has_code", "yes")))
                    .isEqualTo("argument 'has_code' must be true or false, not 'yes'");
        }
    }

    @Test
    void similarPapers_withoutEmbeddings_saySoInsteadOfGuessing() throws Exception {
        try (McpSyncClient client = client(null)) {
            String similar = ok(call(client, "similar_papers", "id", PAPER, "limit", 3));

            // Papers near by embedding: HybridSearchPagesTest asks the tool on a server that has them.
            assertThat(similar)
                    .startsWith("## Papers like \"Rethinking Psychometric")
                    .contains("No similar papers are known yet")
                    .doesNotContain("1. [");
            assertThat(refused(call(client, "similar_papers", "id", "2512.99999")))
                    .isEqualTo("no paper with id 2512.99999 on this site");
        }
    }

    @Test
    void writeTools_withoutAToken_sayHowToGetOne() {
        try (McpSyncClient client = client(null)) {
            for (String tool : List.of("upvote_paper", "save_paper")) {
                assertThat(refused(call(client, tool, "id", PAPER))).isEqualTo(MemberTools.NEEDS_TOKEN);
            }
            assertThat(refused(call(client, "for_you"))).isEqualTo(MemberTools.NEEDS_TOKEN);
        }
    }

    @Test
    void upvote_withAConfirmedMembersToken_counts_once_andTrends() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("mcp-ada");
        String token = ada.createApiToken("assistant");
        try (McpSyncClient client = client(token)) {
            int before = upvotes(PAPER);

            String first = ok(call(client, "upvote_paper", "id", PAPER));
            String second = ok(call(client, "upvote_paper", "id", PAPER));

            assertThat(first).isEqualTo("Upvoted " + PAPER + ". It has " + (before + 1) + " upvotes now.");
            assertThat(second).startsWith("You had already upvoted " + PAPER);
            assertThat(upvotes(PAPER)).isEqualTo(before + 1);
            // A vote cast now makes the paper trend, with the reason the site gives.
            assertThat(ok(call(client, "trending_papers", "limit", 100)))
                    .contains("— " + PAPER)
                    .contains("1 upvote in the last 24 h");
            assertThat(ok(call(client, "upvote_paper", "id", PAPER, "remove", true)))
                    .isEqualTo("Took back your upvote of " + PAPER + ". It has " + before + " upvotes now.");
        }
    }

    @Test
    void upvote_byAnUnconfirmedMember_isRefusedAsOnTheSite() throws Exception {
        // Only confirmed members make tokens; a token outlives its member's confirmation when the
        // address is taken back (as an operator might), so the tool checks it as the API does.
        String token = server().browser().signUpConfirmed("mcp-unconfirmed").createApiToken("assistant");
        server().db()
                .useTransaction(
                        h -> h.execute("UPDATE users SET verified_at = NULL WHERE name = ?", "mcp-unconfirmed"));
        try (McpSyncClient client = client(token)) {
            int before = upvotes(PAPER);

            assertThat(refused(call(client, "upvote_paper", "id", PAPER)))
                    .startsWith("confirm your email address first");
            assertThat(upvotes(PAPER)).isEqualTo(before);
            // Saving needs no confirmed address on the site either.
            assertThat(ok(call(client, "save_paper", "id", PAPER)))
                    .isEqualTo("Saved " + PAPER + " to your reading list.");
        }
    }

    @Test
    void saveAndForYou_actForTheTokensMember() throws Exception {
        WebSession bea = server().browser().signUpConfirmed("mcp-bea");
        String token = bea.createApiToken("assistant");
        try (McpSyncClient client = client(token)) {
            assertThat(ok(call(client, "for_you")))
                    .startsWith("## For you, Member mcp-bea")
                    .contains("Nothing yet: upvote or save a few papers");

            assertThat(ok(call(client, "save_paper", "id", PAPER)))
                    .isEqualTo("Saved " + PAPER + " to your reading list.");
            assertThat(ok(call(client, "save_paper", "id", PAPER)))
                    .isEqualTo(PAPER + " was already on your reading list.");

            assertThat(bea.get("/saved").body()).contains("href=\"/papers/" + PAPER + "\"");
            assertThat(ok(call(client, "for_you", "limit", 5)))
                    .startsWith("## For you, Member mcp-bea")
                    .doesNotContain("upvote or save a few papers");
            assertThat(ok(call(client, "save_paper", "id", PAPER, "remove", true)))
                    .isEqualTo("Took " + PAPER + " off your reading list.");
            assertThat(refused(call(client, "for_you", "limit", 31)))
                    .isEqualTo("argument 'limit' must be between 1 and 30, not 31");
        }
    }

    @Test
    void aSessionCookie_withoutAToken_actsForNobody() throws Exception {
        WebSession cid = server().browser().signUpConfirmed("mcp-cookie");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"upvote_paper\","
                + "\"arguments\":{\"id\":\"" + PAPER + "\"}}}";

        // Same-site, as the browser's own page would post it, with the member's cookie and no CSRF token.
        HttpResponse<String> answer = cid.send(HttpRequest.newBuilder(URI.create(server().url(McpRoutes.PATH)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(call)));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body()).get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).isEqualTo(MemberTools.NEEDS_TOKEN);
    }

    @Test
    void crossSiteRequests_areRefused() throws Exception {
        for (String[] header : List.of(
                new String[] {"Origin", "https://evil.example"}, new String[] {"Sec-Fetch-Site", "cross-site"})) {
            HttpResponse<String> answer =
                    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", header[0], header[1]);

            assertThat(answer.statusCode()).as(header[0]).isEqualTo(403);
            assertThat(JSON.readTree(answer.body()).get("error").asText()).startsWith("cross-site request refused");
        }
    }

    @Test
    void malformedBodies_andOtherMethods_areClientErrors_neverA500() throws Exception {
        HttpResponse<String> notJson = post("{not json");
        HttpResponse<String> batch = post("[1, 2]");
        HttpResponse<String> get = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server().url(McpRoutes.PATH)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownTool = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"delete_everything\",\"arguments\":{}}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).at("/error/code").asInt()).isEqualTo(McpSchema.ErrorCodes.PARSE_ERROR);
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(unknownTool.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(unknownTool.body()).at("/error/message").asText())
                .startsWith("Unknown tool");
    }

    @Test
    void anUnknownToken_is401_withTheBearerChallenge() throws Exception {
        HttpResponse<String> answer = post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Authorization", "Bearer pb_not-a-token");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void toolsList_writesEachArgumentSchemaInOneFixedOrder() throws Exception {
        HttpResponse<String> answer = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");

        java.util.List<String> orders = new java.util.ArrayList<>();
        for (var tool : JSON.readTree(answer.body()).at("/result/tools")) {
            for (var schema : tool.at("/inputSchema/properties")) {
                orders.add(String.join(",", iterable(schema.fieldNames())));
            }
        }
        assertThat(orders).isNotEmpty().allSatisfy(keys -> assertThat(keys).startsWith("type,description"));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        java.util.List<T> out = new java.util.ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server().url(McpRoutes.PATH)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The count as get_paper shows it (read from the store; the JSON API's answer is cached until the change is seen). */
    private static int upvotes(String id) {
        try (McpSyncClient client = client(null)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("- \\*\\*Upvotes:\\*\\* (\\d+)")
                    .matcher(ok(call(client, "get_paper", "id", id)));
            assertThat(m.find()).isTrue();
            return Integer.parseInt(m.group(1));
        }
    }
}
