package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.db.Database;
import io.paperboy.testing.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A node whose every pooled connection is busy says so: a 503 page with Retry-After, and a log line naming the pool. */
final class PoolExhaustedTest {
    @TempDir
    Path dir;

    @Test
    void everyConnectionInUse_answers503Quickly_andLogsThePoolSize() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (Database db =
                Database.open(TestStore.POSTGRESQL.newDatabaseUrl(dir), null, new Database.Access(2, null))) {
            WebServer server = WebServer.start(db, Site.local(dir.resolve("mail")), "127.0.0.1", 0);
            try (Handle first = db.jdbi().open();
                    Handle second = db.jdbi().open()) {
                first.createQuery("SELECT 1").mapTo(Integer.class).one();
                second.createQuery("SELECT 1").mapTo(Integer.class).one();
                Instant asked = Instant.now();
                HttpResponse<String> page = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + server.port() + "/papers/2407.17904"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(page.body()).contains("too busy to reach the site&#39;s database");
                assertThat(List.copyOf(logs.list))
                        .extracting(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m ->
                                m.contains("no free connection to the store: all 2 of this node's pool are in use"));
            } finally {
                server.stop();
            }
        } finally {
            root.detachAppender(logs);
        }
    }
}
