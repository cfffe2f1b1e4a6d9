package io.paperboy.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Locks on a name, held until the caller's transaction ends, for check-then-write rules that no
 * unique key can state (a paper is featured once, on whichever day).
 *
 * <p>PostgreSQL: a transaction-level advisory lock on the name's hash (a hash collision only makes
 * two unrelated writers wait for each other). SQLite: nothing to do, as every transaction begins
 * IMMEDIATE and so holds the store's one write lock already (see {@link Database}).
 */
public final class KeyLocks {
    private KeyLocks() {}

    /** Waits until no other transaction holds {@code name}, then holds it until this one ends. */
    public static void hold(Handle handle, String name) {
        if (isPostgres(handle)) {
            handle.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        }
    }

    /** {@link #hold} for each of {@code names}, in their sorted order (so two holders never wait for each other). */
    public static void holdAll(Handle handle, java.util.Collection<String> names) {
        if (isPostgres(handle)) {
            new java.util.TreeSet<>(names).forEach(name -> hold(handle, name));
        }
    }

    private static boolean isPostgres(Handle handle) {
        try {
            return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "store: cannot tell the database's kind to lock a name: " + e.getMessage(), e);
        }
    }
}
