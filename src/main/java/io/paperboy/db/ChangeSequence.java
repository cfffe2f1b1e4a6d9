package io.paperboy.db;

import org.jdbi.v3.core.Handle;

/**
 * Hands out the store's monotonically increasing change numbers.
 *
 * <p>Numbers come from a one-row counter updated inside the writer's transaction. The row lock is
 * held until commit, so writers that take numbers commit in number order: a follower that has
 * seen change {@code n} has seen every change below it. (A PostgreSQL sequence would not give
 * that: a transaction holding number 10 can commit after one holding 11.)
 */
public final class ChangeSequence {
    private ChangeSequence() {}

    /** Reserves {@code count} consecutive numbers and returns the first. */
    public static long reserve(Handle handle, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long last = handle.createQuery("UPDATE change_counter SET value = value + :n WHERE id = 1 RETURNING value")
                .bind("n", count)
                .mapTo(Long.class)
                .one();
        return last - count + 1;
    }

    /** The highest number handed out so far (0 on an empty store). */
    public static long current(Handle handle) {
        return handle.createQuery("SELECT value FROM change_counter WHERE id = 1").mapTo(Long.class).one();
    }
}
