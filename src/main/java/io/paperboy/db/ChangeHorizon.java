package io.paperboy.db;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * How far a follower of the change numbers may read: every change numbered at or below the
 * horizon has committed or rolled back, so a follower that applied everything up to it never
 * misses one committing later. One per follower (it remembers what it saw); cheap to advance.
 *
 * <p>SQLite: the counter's value (writers take turns, numbers commit in order). PostgreSQL, where
 * numbers come from a sequence and may commit out of order: each advance reads the sequence's
 * high-water mark {@code hw}, then takes a transaction id {@code b} of its own, which is newer than
 * that of every writer holding a number up to {@code hw} (writers take their id before their numbers,
 * see {@link ChangeSequence}). Once the oldest transaction still running is newer than {@code b}
 * (the snapshot's xmin), all those writers have ended and {@code hw} is the horizon. Usually that
 * is at once; while a long import batch runs, the horizon waits for it (the other numbers stay
 * pending here and are released together).
 */
public final class ChangeHorizon implements LongSupplier {
    private static final int MAX_PENDING = 1000;
    private final Database db;
    private final ArrayDeque<long[]> pending = new ArrayDeque<>(); // {b, hw}, oldest first
    private volatile long horizon;

    public ChangeHorizon(Database db) {
        this.db = db;
    }

    /** Reads the store and returns the new horizon (never lower than the last one). */
    public synchronized long advance() {
        if (db.dialect() != Dialect.POSTGRESQL) {
            horizon = Math.max(horizon, db.withHandle(ChangeSequence::current));
            return horizon;
        }
        // Three statements, each its own transaction: the id taken must have ended before the snapshot.
        long hw = db.withHandle(ChangeSequence::current);
        long mine = db.withHandle(h -> h.createQuery("SELECT pg_current_xact_id()::text::bigint")
                .mapTo(Long.class)
                .one());
        long oldestRunning =
                db.withHandle(h -> h.createQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                        .mapTo(Long.class)
                        .one());
        if (pending.isEmpty() || pending.peekLast()[1] < hw) {
            if (pending.size() >= MAX_PENDING) {
                pending.pollLast(); // the newer entry releases it too, a little later
            }
            pending.addLast(new long[] {mine, hw});
        }
        while (!pending.isEmpty() && pending.peekFirst()[0] < oldestRunning) {
            horizon = Math.max(horizon, pending.pollFirst()[1]);
        }
        return horizon;
    }

    /** The horizon as last advanced. */
    @Override
    public long getAsLong() {
        return horizon;
    }
}
