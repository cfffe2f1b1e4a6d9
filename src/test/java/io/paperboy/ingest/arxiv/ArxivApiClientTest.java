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
            ArxivApiClient.Result result = client.fetch(List.of(ArxivId.parse("1601.00001v2"), ArxivId.parse("1601.00002")));

            assertThat(result.papers()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("1601.00001"));
            assertThat(result.missing()).containsExactly("1601.00002");
            assertThat(server.requests().get(0).query())
                    .containsEntry("id_list", "1601.00001,1601.00002").containsEntry("max_results", "2");
        }
    }

    @Test
    void manyIds_goInPolitelySpacedRequestsOfFifty() throws Exception {
        String empty = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
        List<ArxivId> ids = IntStream.rangeClosed(1, 120).mapToObj(i -> ArxivId.parse(String.format("2601.%05d", i))).toList();
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
        try (ArxivApiClient client = client((q, n) -> n == 1 ? Reply.status(503, Map.of("Retry-After", "4")) : Reply.ok(feed))) {
            assertThat(client.fetch(List.of(ArxivId.parse("1601.00001"))).papers()).hasSize(1);
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
}
