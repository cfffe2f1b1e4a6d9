package io.paperboy.jobs;

import io.paperboy.db.Database;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * One part of a node (a background loop, the web server) living through store outages: it tells
 * an unreachable store from other failures, logs the start of an outage once and its end once
 * (not every tick), and backs off while the store is away.
 *
 * <p>An outage is a connection the pool could not get in time (HikariCP's
 * {@link SQLTransientConnectionException}, after {@link Database#CONNECTION_TIMEOUT}) or a statement
 * cut by a lost connection: SQLSTATE class 08 (connection exception) or 57P01-57P03 (the server
 * shutting down, crashed, or not accepting connections yet).
 */
public final class StoreOutage {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String who;
    private final Logger log;
    private Instant since;
    private int failures;

    /** {@code who} starts each log line: "search index", "digest schedule", … */
    public StoreOutage(String who, Logger log) {
        this.who = who;
        this.log = log;
    }

    /** True when {@code e}, or any of its causes, says the store cannot be reached. */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the store answered but gave up on the statement: PostgreSQL's statement timeout
     * (SQLSTATE 57014, {@code --db-statement-timeout}), or SQLite still locked by a writer after
     * its busy timeout (SQLITE_BUSY, code 5). Not an outage (the store is there), yet the request
     * is answered like one: 503 and Retry-After, not 500.
     */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && ("57014".equals(sql.getSQLState())
                            || (sql.getClass().getName().startsWith("org.sqlite.")
                                    && (sql.getErrorCode() & 0xff) == 5))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the pool's connections are all in use rather than the store being away: the pool
     * gave up waiting and no connection attempt failed (HikariCP then has no cause to report).
     */
    public static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes a failure; true when it is an outage (logged here if it starts one), false for any
     * other failure, which the caller reports as before.
     */
    public synchronized boolean failed(Throwable e) {
        if (!isOutage(e)) {
            return false;
        }
        failures++;
        if (since == null) {
            since = Instant.now();
            log.warn("{}: the store is unavailable ({}); retrying quietly until it answers", who, reason(e));
        }
        return true;
    }

    /** Notes a success; logs the end of an outage, if there was one. */
    public synchronized void succeeded() {
        if (since != null) {
            log.info(
                    "{}: the store is back after {} s",
                    who,
                    Math.max(1, Duration.between(since, Instant.now()).toSeconds()));
            since = null;
            failures = 0;
        }
    }

    public synchronized boolean down() {
        return since != null;
    }

    /** How long to wait before the next try: {@code interval}, doubled per failure in this outage, at most 5 s. */
    public synchronized Duration backoff(Duration interval) {
        if (failures == 0) {
            return interval;
        }
        Duration longer = interval.multipliedBy(1L << Math.min(failures, 10));
        return longer.compareTo(MAX_BACKOFF) > 0
                ? (interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF)
                : longer;
    }

    /** The innermost message: the driver's reason, not the wrappers' (one line, no stack trace). */
    public static String reason(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
