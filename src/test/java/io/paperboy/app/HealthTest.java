package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health, /health/live and /health/ready on a real server and store, up, behind and down. */
final class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong indexApplied = new AtomicLong();

    @TempDir
    Path dir;

    private Database db;
    private Javalin app;

    @BeforeEach
    void start() {
        db = TestStore.SQLITE.open(dir);
        Health health = new Health(db, new PaperService(db), indexApplied::get);
        app = Javalin.create(config -> {
                    config.routes.get("/health", health::health);
                    config.routes.get("/health/live", health::live);
                    config.routes.get("/health/ready", health::ready);
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    @Test
    void storeUpAndIndexCaughtUp_allThreeAnswer200() throws Exception {
        db.inTransaction(h -> ChangeSequence.next(h, java.util.Collections.nCopies(10, java.util.Set.<String>of())));
        long changes = db.withHandle(ChangeSequence::current);
        indexApplied.set(changes);

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(json("/health").get("changes").asLong()).isEqualTo(changes);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ready");
        assertThat(JSON.readTree(ready.body()).get("schema").asText()).isNotBlank();
    }

    @Test
    void indexFarBehindTheStore_isNotReady_andSaysSo() throws Exception {
        db.useTransaction(h -> {
            long[] seqs = ChangeSequence.next(h, java.util.Collections.nCopies(1500, java.util.Set.<String>of()));
            var batch = h.prepareBatch("INSERT INTO papers (id, title, change_seq, created_at, modified_at) "
                    + "VALUES (:id, 'A paper', :seq, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
            for (int i = 0; i < 1500; i++) {
                batch.bind("id", "p-" + i).bind("seq", seqs[i]).add();
            }
            batch.execute();
        });

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("missing").get(0).asText())
                .isEqualTo("index: more than 1000 papers behind the store");
        indexApplied.set(db.withHandle(ChangeSequence::current) - 10);
        assertThat(get("/health/ready").statusCode()).as("ten papers behind").isEqualTo(200);
        // Serving what the index has is still possible: the node is alive and its store answers.
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void storeDown_healthAndReadinessAre503_livenessStays200() throws Exception {
        db.close();

        assertThat(get("/health").statusCode()).isEqualTo(503);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("missing").get(0).asText()).startsWith("store: it does not answer");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
