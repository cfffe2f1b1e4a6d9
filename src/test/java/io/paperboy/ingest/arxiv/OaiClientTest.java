package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.ingest.arxiv.ReplayServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real local HTTP server replaying recorded pages and scripted failures. */
final class OaiClientTest {
    private static final Instant NOW = Instant.parse("2026-01-06T06:00:00Z");
    private static final String PAGE = OaiPages.load(OaiPages.HEP_TH);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private ReplayServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // Waits are recorded, not slept, so exact values can be asserted and tests stay fast.
    private OaiClient client(ReplayServer.Script script, int attempts) throws Exception {
        server = new ReplayServer(script);
        HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example")
                .withDelay(Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withRetries(attempts, Duration.ofSeconds(5), Duration.ofSeconds(60));
        return new OaiClient(settings, waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private OaiRequest listRecords() {
        return OaiRequest.listRecords(server.baseUrl(), "physics:hep-th", java.time.LocalDate.of(2017, 12, 14), null);
    }

    @Test
    void request_carriesArgumentsAndIdentifiesTheHarvesterWithItsContact() throws Exception {
        try (OaiClient client = client((q, n) -> Reply.ok(PAGE), 1)) {
            OaiPage page = client.fetch(listRecords());

            assertThat(page.papers()).hasSize(3);
            ReplayServer.Seen seen = server.requests().get(0);
            assertThat(seen.query())
                    .containsExactly(
                            Map.entry("verb", "ListRecords"),
                            Map.entry("metadataPrefix", "arXiv"),
                            Map.entry("set", "physics:hep-th"),
                            Map.entry("from", "2017-12-14"));
            assertThat(seen.headers().get("user-agent"))
                    .startsWith("Paperboy-harvester/")
                    .contains("mailto:ops@lab.example");
            assertThat(seen.headers().get("from")).isEqualTo("ops@lab.example");
        }
    }

    @Test
    void status503WithRetryAfterSeconds_waitsExactlyThatLongThenSucceeds() throws Exception {
        ReplayServer.Script script = (q, n) -> n == 1 ? Reply.status(503, Map.of("Retry-After", "7")) : Reply.ok(PAGE);
        try (OaiClient client = client(script, 3)) {
            assertThat(client.fetch(listRecords()).papers()).hasSize(3);
            assertThat(waits).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void status503WithRetryAfterHttpDate_waitsUntilThatDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(12), ZoneOffset.UTC));
        ReplayServer.Script script = (q, n) -> n == 1 ? Reply.status(503, Map.of("Retry-After", date)) : Reply.ok(PAGE);
        try (OaiClient client = client(script, 3)) {
            client.fetch(listRecords());
            assertThat(waits).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void retryAfterLongerThanTheCap_isCapped() throws Exception {
        ReplayServer.Script script =
                (q, n) -> n == 1 ? Reply.status(503, Map.of("Retry-After", "86400")) : Reply.ok(PAGE);
        try (OaiClient client = client(script, 3)) {
            client.fetch(listRecords());
            assertThat(waits).containsExactly(Duration.ofSeconds(60));
        }
    }

    @Test
    void serverErrors_areRetriedWithDoublingBackoff_thenReportedNamingTheRequest() throws Exception {
        try (OaiClient client = client((q, n) -> Reply.status(500, Map.of()), 4)) {
            assertThatThrownBy(() -> client.fetch(listRecords()))
                    .isInstanceOf(HarvestException.class)
                    .hasMessageStartingWith("GET " + server.baseUrl() + "?verb=ListRecords&metadataPrefix=arXiv")
                    .hasMessageContaining("gave up after 4 attempts; last: HTTP 500");
            assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
    }

    @Test
    void connectionReset_isRetriedAndTheNextAnswerUsed() throws Exception {
        ReplayServer.Script script = (q, n) -> n <= 2 ? Reply.connectionReset() : Reply.ok(PAGE);
        try (OaiClient client = client(script, 5)) {
            assertThat(client.fetch(listRecords()).papers()).hasSize(3);
            assertThat(waits).isNotEmpty();
        }
    }

    @Test
    void slowServer_hitsTheTimeoutAndIsRetried() throws Exception {
        ReplayServer.Script script = (q, n) -> n == 1 ? Reply.ok(PAGE).after(Duration.ofSeconds(3)) : Reply.ok(PAGE);
        try (OaiClient client = client(script, 2)) {
            assertThat(client.fetch(listRecords()).papers()).hasSize(3);
            assertThat(waits).containsExactly(Duration.ofSeconds(5));
        }
    }

    @Test
    void alwaysSlowServer_failsWithTheTimeoutInTheMessage() throws Exception {
        try (OaiClient client = client((q, n) -> Reply.ok(PAGE).after(Duration.ofSeconds(3)), 2)) {
            assertThatThrownBy(() -> client.fetch(listRecords()))
                    .isInstanceOf(HarvestException.class)
                    .hasMessageContaining("gave up after 2 attempts; last: no answer within 500 ms");
        }
    }

    @Test
    void noRecordsMatch_isAnEmptyPage() throws Exception {
        String noMatch = OaiPages.error("noRecordsMatch", "No records match the request");
        try (OaiClient client = client((q, n) -> Reply.ok(noMatch), 1)) {
            OaiPage page = client.fetch(listRecords());
            assertThat(page.records()).isZero();
            assertThat(page.hasMore()).isFalse();
        }
    }

    @Test
    void idDoesNotExist_isAnErrorNamingTheRequestAndCode() throws Exception {
        String missing = OaiPages.error("idDoesNotExist", "No matching identifier in arXiv");
        try (OaiClient client = client((q, n) -> Reply.ok(missing), 3)) {
            OaiRequest request = OaiRequest.getRecord(server.baseUrl(), "oai:arXiv.org:9999.99999");
            assertThatThrownBy(() -> client.fetch(request))
                    .isInstanceOf(OaiErrorException.class)
                    .hasMessageContaining("identifier=oai%3AarXiv.org%3A9999.99999")
                    .hasMessageEndingWith("OAI-PMH error idDoesNotExist (No matching identifier in arXiv)");
            assertThat(server.requests())
                    .as("an OAI error is an answer, not a failure to retry")
                    .hasSize(1);
        }
    }

    @Test
    void malformedPage_isAnErrorWithLineAndColumn() throws Exception {
        try (OaiClient client = client((q, n) -> Reply.ok(PAGE.substring(0, 2000)), 3)) {
            assertThatThrownBy(() -> client.fetch(listRecords()))
                    .isInstanceOf(HarvestException.class)
                    .hasMessageContaining("malformed XML at line");
        }
    }

    @Test
    void notFound_isAnErrorWithTheStatus() throws Exception {
        try (OaiClient client = client((q, n) -> Reply.status(404, Map.of()), 3)) {
            assertThatThrownBy(() -> client.fetch(listRecords()))
                    .hasMessageEndingWith("HTTP 404 (expected 200 with an OAI-PMH page)");
        }
    }

    @Test
    void politenessDelay_spacesRequests() throws Exception {
        server = new ReplayServer((q, n) -> Reply.ok(PAGE));
        HarvestSettings settings = HarvestSettings.arxiv(server.baseUrl(), "ops@lab.example");
        // A clock that never moves: each request after the first must wait the whole 3 s.
        try (OaiClient client = new OaiClient(settings, waits::add, Clock.fixed(NOW, ZoneOffset.UTC))) {
            client.fetch(listRecords());
            client.fetch(listRecords());
            assertThat(waits).containsExactly(Duration.ofSeconds(3));
        }
    }
}
