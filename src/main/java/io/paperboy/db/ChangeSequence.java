package io.paperboy.db;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Hands out the store's increasing change numbers, and notes what each change touched.
 *
 * <p>SQLite: a one-row counter updated inside the writer's transaction; the store has one writer
 * at a time, so numbers commit in order. PostgreSQL: the {@code change_numbers} sequence, which
 * never makes a writer wait (the counter row did: its lock was held until commit, so a vote waited
 * for a whole import batch). Sequence numbers may commit out of order (a transaction holding 10
 * can commit after one holding 11), so a follower reads only up to its {@link ChangeHorizon},
 * below which every number's transaction has ended. A writer's transaction id is taken before its
 * numbers; that is what the horizon relies on.
 *
 * <p>Topics say what a change touched, for the page caches of every node ({@code change_topics}):
 * {@link #paper} for a paper shown anywhere (text, votes, comments, extras, visibility),
 * {@link #LISTINGS} when which papers are featured on which day changes, {@link #EVERYTHING}
 * when a change may show on any page (a member's display name).
 */
public final class ChangeSequence {
    public static final String LISTINGS = "listings";
    public static final String EVERYTHING = "*";
    /** Topics are kept for this many numbers below the newest (see {@link #prune}). */
    public static final long TOPICS_KEPT = 200_000;

    private ChangeSequence() {}

    /** The topic of a change to the paper {@code id}. */
    public static String paper(String id) {
        return "paper:" + id;
    }

    /** One number for a change touching {@code topics}, inside the caller's transaction. */
    public static long next(Handle handle, String... topics) {
        long seq = take(handle, 1)[0];
        note(handle, List.of(Set.of(topics)), new long[] {seq});
        return seq;
    }

    /** One number per change, ascending, each noted with its topics; not always consecutive. */
    public static long[] next(Handle handle, List<? extends Collection<String>> topicsPerChange) {
        long[] numbers = take(handle, topicsPerChange.size());
        note(handle, topicsPerChange, numbers);
        return numbers;
    }

    private static long[] take(Handle handle, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        if (isPostgres(handle)) {
            // The transaction id first: a follower that sees these numbers handed out waits for it to end.
            handle.createQuery("SELECT pg_current_xact_id()::text")
                    .mapTo(String.class)
                    .one();
            long[] numbers = handle
                    .createQuery("SELECT nextval('change_numbers') FROM generate_series(1, :n)")
                    .bind("n", count)
                    .mapTo(Long.class)
                    .stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            Arrays.sort(numbers);
            return numbers;
        }
        long last = handle.createQuery("UPDATE change_counter SET value = value + :n WHERE id = 1 RETURNING value")
                .bind("n", count)
                .mapTo(Long.class)
                .one();
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = last - count + 1 + i;
        }
        return numbers;
    }

    private static void note(Handle handle, List<? extends Collection<String>> topics, long[] numbers) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO change_topics (seq, topic) VALUES (:seq, :topic)");
        for (int i = 0; i < numbers.length; i++) {
            for (String topic : topics.get(i)) {
                batch.bind("seq", numbers[i]).bind("topic", topic).add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /**
     * The highest number handed out so far (0 on an empty store). On PostgreSQL some below it may
     * belong to transactions still open: followers read up to {@link ChangeHorizon#advance} instead.
     */
    public static long current(Handle handle) {
        if (isPostgres(handle)) {
            return handle.createQuery(
                            "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM change_numbers")
                    .mapTo(Long.class)
                    .one();
        }
        return handle.createQuery("SELECT value FROM change_counter WHERE id = 1")
                .mapTo(Long.class)
                .one();
    }

    /**
     * The topics of the changes numbered above {@code after} up to {@code upTo}, or just
     * {@link #EVERYTHING} when they are more than {@code max} or no longer all kept.
     */
    public static Set<String> topics(Handle handle, long after, long upTo, int max) {
        if (upTo <= after) {
            return Set.of();
        }
        if (upTo - after > TOPICS_KEPT / 2) {
            return Set.of(EVERYTHING);
        }
        List<String> found = handle.createQuery(
                        "SELECT DISTINCT topic FROM change_topics WHERE seq > :after AND seq <= :upTo LIMIT :max")
                .bind("after", after)
                .bind("upTo", upTo)
                .bind("max", max + 1)
                .mapTo(String.class)
                .list();
        return found.size() > max ? Set.of(EVERYTHING) : new TreeSet<>(found);
    }

    /** Forgets the topics of changes more than {@link #TOPICS_KEPT} numbers below {@code newest}. */
    public static int prune(Handle handle, long newest) {
        return handle.createUpdate("DELETE FROM change_topics WHERE seq <= :below")
                .bind("below", newest - TOPICS_KEPT)
                .execute();
    }

    /**
     * After a restore: the next number goes past every number the restored rows carry. (A
     * PostgreSQL store's change_counter row is not kept up to date, its sequence is; so a backup of
     * it carries a counter behind its rows.)
     */
    static void passRestored(java.sql.Connection c, Dialect dialect) throws SQLException {
        long highest = 0;
        try (var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT value FROM change_counter WHERE id = 1")) {
                highest = rs.next() ? rs.getLong(1) : 0;
            }
            for (StoreSchema.Table t : StoreSchema.tables(c)) {
                if (t.column("change_seq").isPresent()) {
                    try (var rs = s.executeQuery("SELECT coalesce(max(change_seq), 0) FROM " + t.name())) {
                        rs.next();
                        highest = Math.max(highest, rs.getLong(1));
                    }
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                if (highest > 0) {
                    s.executeQuery("SELECT setval('change_numbers', " + highest + ")")
                            .close();
                }
            } else {
                s.executeUpdate(
                        "UPDATE change_counter SET value = " + highest + " WHERE id = 1 AND value < " + highest);
            }
        }
    }

    /** PostgreSQL: moves the unused change_counter row up to the sequence's high-water mark (a moment's lock, no writer holds it). */
    static void catchUpCounter(java.sql.Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT to_regclass('change_numbers') IS NOT NULL")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return; // a store older than V37: its counter is the truth
                }
            }
            s.executeUpdate(
                    "UPDATE change_counter SET value = (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                            + "FROM change_numbers) WHERE id = 1 AND value < (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                            + "FROM change_numbers)");
        }
    }

    static boolean isPostgres(Handle handle) {
        try {
            return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("store: cannot tell the database's kind: " + e.getMessage(), e);
        }
    }
}
