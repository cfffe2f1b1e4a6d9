package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite connections opened and closed on many threads at once, as a node's pools do when one
 * fills while another closes (the migration pool at start, Hikari replacing old connections):
 * with SQLite 3.51.1 the open and close paths took two mutexes in opposite orders and every
 * thread stopped for good within 2 to 19 seconds (a CI run hung in ReindexCommandTest this way).
 */
final class ConnectionChurnTest {
    private static final int THREADS = 8;
    private static final long RUN_MILLIS = 20_000;
    /** No statement finishing for this long is a stall, not a slow machine. */
    private static final long STALL_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    void openingAndClosingConnectionsOnManyThreads_neverStalls() throws Exception {
        String url = Database.sqliteUrl(dir.resolve("churn.db"));
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.executeQuery("PRAGMA journal_mode=WAL").close();
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        AtomicLong done = new AtomicLong();
        Semaphore finished = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> churn(url, done, finished, stop)));
        }
        long end = System.currentTimeMillis() + RUN_MILLIS;
        while (System.currentTimeMillis() < end) {
            assertThat(finished.tryAcquire(STALL_MILLIS, TimeUnit.MILLISECONDS))
                    .as("a statement finished within %d ms, after %d", STALL_MILLIS, done.get())
                    .isTrue();
            finished.drainPermits();
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(STALL_MILLIS);
        }
        assertThat(done.get()).isPositive();
    }

    private static void churn(String url, AtomicLong done, Semaphore finished, AtomicBoolean stop) {
        while (!stop.get()) {
            try (Connection c = DriverManager.getConnection(url);
                    PreparedStatement p = c.prepareStatement("SELECT count(*) FROM t")) {
                p.executeQuery().close();
                done.incrementAndGet();
                finished.release();
            } catch (SQLException e) {
                // A busy file is not a stall: the next round opens a new connection.
            }
        }
    }
}
