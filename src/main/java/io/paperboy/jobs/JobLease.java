package io.paperboy.jobs;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The lease of a job that one node at a time does for the whole site (embedding the papers, ranking
 * their key phrases): the job's row in its table names the holder's token and node and when the
 * lease ends (epoch milliseconds, in {@code holder}, {@code holder_node} and {@code lease_until}).
 * The job renews the lease with each batch it stores, in the same fenced update that stores it
 * ({@code WHERE holder = :token}), so a node that stalled past its lease cannot undo the one that
 * took over.
 */
public final class JobLease {
    private final String table;
    private final String keyColumn;
    private final List<String> counters;

    /**
     * The lease kept in {@code table}, one row per job named in {@code keyColumn}; {@code counters}
     * are the row's other columns that must not be null, which a new row starts at 0. Table and
     * column names are the callers' constants, never input.
     */
    public JobLease(String table, String keyColumn, List<String> counters) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.counters = List.copyOf(counters);
    }

    /**
     * Takes {@code job} for {@code node} under {@code token} until {@code until} when nobody holds
     * it, its lease lapsed before {@code now}, or this node held it (a restart); false when another
     * node has it. Call it in a transaction.
     */
    public boolean claim(Handle h, String job, String token, String node, long now, long until) {
        String columns = counters.isEmpty() ? "" : ", " + String.join(", ", counters);
        String zeros = ", 0".repeat(counters.size());
        h.createUpdate("INSERT INTO <table> (<key>" + columns + ") VALUES (:job" + zeros + ") "
                        + "ON CONFLICT (<key>) DO NOTHING")
                .define("table", table)
                .define("key", keyColumn)
                .bind("job", job)
                .execute();
        return h.createUpdate("""
                        UPDATE <table> SET holder = :token, holder_node = :node, lease_until = :until
                        WHERE <key> = :job AND (holder IS NULL OR lease_until < :now OR holder_node = :node)""")
                        .define("table", table)
                        .define("key", keyColumn)
                        .bind("token", token)
                        .bind("node", node)
                        .bind("until", until)
                        .bind("now", now)
                        .bind("job", job)
                        .execute()
                == 1;
    }

    /** Gives {@code job} back, when it is still held under {@code token}. */
    public void release(Handle h, String job, String token) {
        h.createUpdate("""
                        UPDATE <table> SET holder = NULL, holder_node = NULL, lease_until = NULL
                        WHERE <key> = :job AND holder = :token""")
                .define("table", table)
                .define("key", keyColumn)
                .bind("job", job)
                .bind("token", token)
                .execute();
    }
}
