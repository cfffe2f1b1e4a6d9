package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Console;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy harvest arxiv} end to end against a local server replaying a recorded page. */
final class HarvestCommandTest {
    @RegisterExtension
    final Console console = new Console();

    private static final String NEW_ENDPOINT_PAGE =
            "/samples/arxiv-oai-pmh/oaipmh-new-endpoint-listrecords-arXiv-plasm-ph-2026-01-05.xml";
    private static final String BAD_ARGUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-06T00:00:00Z</responseDate>
            <request>http://oaipmh.arxiv.org/oai</request><error code="badArgument">Illegal set</error></OAI-PMH>
            """;

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oai", exchange -> {
            byte[] body = exchange.getRequestURI().getQuery().contains("set=nonsense")
                    ? BAD_ARGUMENT.getBytes(StandardCharsets.UTF_8)
                    : resource(NEW_ENDPOINT_PAGE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
    }

    private int harvest(String set, String contact) {
        return Main.run(
                "harvest",
                "arxiv",
                "--set",
                set,
                "--from",
                "2026-01-05",
                "--base-url",
                baseUrl(),
                "--delay-ms",
                "0",
                "--contact",
                contact,
                "--data",
                dir.toString());
    }

    @Test
    void harvestArxiv_hasHelp() {
        assertThat(Main.run("harvest", "arxiv", "--help")).isZero();
        assertThat(console.out())
                .contains("Usage: paperboy harvest arxiv")
                .contains("--set")
                .contains("--delay-ms")
                .contains("--base-url")
                .contains("--data");
    }

    @Test
    void harvestArxiv_storesThePapersAndExitsZero() {
        assertThat(harvest("physics:physics:plasm-ph", "ops@lab.example")).isZero();

        assertThat(console.err()).contains("Harvested 3 records in 1 pages: 3 new");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            assertThat(new PaperService(db).find("2504.11237")).isPresent();
        }
    }

    @Test
    void harvestStatus_showsEachSetsProgressAndLastError() {
        harvest("physics:physics:plasm-ph", "ops@lab.example");
        harvest("nonsense", "ops@lab.example");
        console.reset();

        assertThat(Main.run("harvest", "status", "--data", dir.toString())).isZero();

        String status = console.out();
        assertThat(status)
                .contains("set 'physics:physics:plasm-ph': idle; 3 records")
                .contains("next run from 2026-01-05");
        assertThat(status).contains("set 'nonsense'").contains("last error: ").contains("badArgument");
    }

    @Test
    void oaiError_exitsOneNamingTheRequestAndTheError() {
        assertThat(harvest("nonsense", "ops@lab.example")).isEqualTo(1);

        assertThat(console.err())
                .contains("paperboy harvest arxiv: GET " + baseUrl()
                        + "?verb=ListRecords&metadataPrefix=arXiv&set=nonsense")
                .contains("OAI-PMH error badArgument (Illegal set)");
    }

    @Test
    void missingContact_isAUsageError() {
        assertThat(harvest("cs", "nobody")).isEqualTo(2);

        assertThat(console.err()).contains("arXiv asks harvesters for a contact address");
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (InputStream in = HarvestCommandTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
