package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.ingest.arxiv.ReplayServer.Reply;
import io.paperboy.paper.ArxivId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The arXiv API client against a local server replaying a recorded response. */
final class ArxivApiClientTest {
    private final FakeTime time = new FakeTime();
    private final List<Duration> waits = time.waits;
    private ReplayServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ArxivApiClient client(ReplayServer.Script script) throws Exception {
        server = new ReplayServer(script);
        HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                .withRetries(3, Duration.ofSeconds(5), Duration.ofSeconds(60));
        return new ArxivApiClient(settings, time::pause, time);
    }

    @Test
    void idList_findsThePaper_andNamesTheIdsArxivDoesNotKnow() throws Exception {
        String feed = AtomFeedParserTest.load(AtomFeedParserTest.ID_LIST_2020);
        try (ArxivApiClient client = client((q, n) -> Reply.ok(feed))) {
            ArxivApiClient.Result result =
                    client.fetch(List.of(ArxivId.parse("1601.00001v2"), ArxivId.parse("1601.00002")));

            assertThat(result.papers())
                    .singleElement()
                    .satisfies(p -> assertThat(p.id()).isEqualTo("1601.00001"));
            assertThat(result.missing()).containsExactly("1601.00002");
            assertThat(server.requests().get(0).query())
                    .containsEntry("id_list", "1601.00001,1601.00002")
                    .containsEntry("max_results", "2");
        }
    }

    @Test
    void manyIds_goInPolitelySpacedRequestsOfFifty() throws Exception {
        String empty = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
        List<ArxivId> ids = IntStream.rangeClosed(1, 120)
                .mapToObj(i -> ArxivId.parse(String.format("2601.%05d", i)))
                .toList();
        try (ArxivApiClient client = client((q, n) -> Reply.ok(empty))) {
            ArxivApiClient.Result result = client.fetch(ids);

            assertThat(server.requests()).hasSize(3);
            assertThat(result.missing()).hasSize(120);
            // The clock stands still while requests run, so each next request waits the whole 3 s.
            assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        }
    }

    @Test
    void unavailableThenFine_honoursRetryAfter() throws Exception {
        String feed = AtomFeedParserTest.load(AtomFeedParserTest.ID_LIST_2020);
        try (ArxivApiClient client =
                client((q, n) -> n == 1 ? Reply.status(503, Map.of("Retry-After", "4")) : Reply.ok(feed))) {
            assertThat(client.fetch(List.of(ArxivId.parse("1601.00001"))).papers())
                    .hasSize(1);
            assertThat(waits).containsExactly(Duration.ofSeconds(4));
        }
    }

    @Test
    void errorEntry_isAnErrorNamingTheRequest() throws Exception {
        String error = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/api/errors#x</id>"
                + "<title>Error</title><summary>incorrect id format for 1601.0001</summary></entry></feed>";
        try (ArxivApiClient client = client((q, n) -> Reply.ok(error))) {
            assertThatThrownBy(() -> client.fetch(List.of(ArxivId.parse("1601.00001"))))
                    .hasMessageContaining("id_list=1601.00001")
                    .hasMessageEndingWith("the arXiv API answered with an error: incorrect id format for 1601.0001");
        }
    }

    @Test
    void anUnreachableServer_isSaidInWords_withoutAJavaClassName() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HarvestSettings settings = HarvestSettings.arxiv(
                        java.net.URI.create("http://127.0.0.1:" + closedPort + "/api/query"), "ops@lab.example")
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10));
        try (ArxivApiClient client = new ArxivApiClient(settings, time::pause, time)) {
            assertThatThrownBy(() -> client.fetch(List.of(ArxivId.parse("1601.00001"))))
                    .isInstanceOf(HarvestException.class)
                    .hasMessageEndingWith("gave up after 2 attempts; last: connection failed: connection refused")
                    .message()
                    .doesNotContainPattern("java\\.|Exception");
        }
    }

    @Test
    void jdkMessages_loseTheClassNamesTheyCarry() {
        assertThat(NetworkErrors.withoutClassNames("java.io.IOException: HTTP/1.1 header parser received no bytes"))
                .isEqualTo("HTTP/1.1 header parser received no bytes");
        assertThat(NetworkErrors.withoutClassNames("javax.net.ssl.SSLHandshakeException"))
                .isEqualTo("network error");
        assertThat(NetworkErrors.withoutClassNames(null)).isEqualTo("network error");
        assertThat(NetworkErrors.describe(new java.net.ConnectException())).isEqualTo("connection refused");
    }
}
