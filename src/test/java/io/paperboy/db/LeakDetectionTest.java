package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A connection kept out of a serving node's pool past the statement timeout is logged with who took it. */
final class LeakDetectionTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionHeldPastTheStatementTimeoutAndMargin_isLoggedWithItsBorrower() throws Exception {
        String url = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        try (Database serving = Database.open(url);
                Database unbounded = Database.open(url, null, new Database.Access(2, null, Duration.ZERO))) {
            assertThat(((HikariDataSource) serving.dataSource()).getLeakDetectionThreshold())
                    .isEqualTo(Database.STATEMENT_TIMEOUT
                            .plus(Database.LEAK_MARGIN)
                            .toMillis());
            assertThat(((HikariDataSource) unbounded.dataSource()).getLeakDetectionThreshold())
                    .as("no statement timeout")
                    .isZero();
        }
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
        logs.start();
        hikari.addAppender(logs);
        // A statement timeout of 1 ms: the connection is reported 30.001 s after it was taken.
        try (Database db = Database.open(url, null, new Database.Access(2, null, Duration.ofMillis(1)))) {
            assertThat(((HikariDataSource) db.dataSource()).getLeakDetectionThreshold())
                    .isEqualTo(1 + Database.LEAK_MARGIN.toMillis());
            // Opening the handle takes a connection from the pool; no statement is run on it, since
            // with a 1 ms statement timeout any statement may be cancelled on a busy machine (seen in CI).
            try (Handle held = db.jdbi().open()) {
                assertThat(held.getConnection().isClosed()).isFalse();
                Poll.until(
                        Duration.ofSeconds(60),
                        () -> logs.list.stream()
                                .anyMatch(
                                        e -> e.getFormattedMessage().startsWith("Connection leak detection triggered")),
                        found -> found);
            }
            assertThat(logs.list)
                    .anySatisfy(e -> assertThat(e.getThrowableProxy().getStackTraceElementProxyArray())
                            .anySatisfy(
                                    frame -> assertThat(frame.getSTEAsString()).contains("LeakDetectionTest")));
        } finally {
            hikari.detachAppender(logs);
        }
    }
}
