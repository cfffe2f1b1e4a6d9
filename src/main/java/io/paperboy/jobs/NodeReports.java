package io.paperboy.jobs;

import io.paperboy.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each node's report in the store (node_reports), written every {@link #EVERY}: its version, when
 * it started, and how far behind the store its search index is, so any node's operator page and
 * metrics show every node. A node not seen for {@link #RECENT} is left off the list.
 */
public final class NodeReports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeReports.class);
    /** How often a node reports. */
    public static final Duration EVERY = Duration.ofSeconds(10);
    /** Nodes that reported within this long count as seen recently. */
    public static final Duration RECENT = Duration.ofMinutes(5);

    /** One node's latest report. */
    public record Report(
            String node,
            String version,
            Instant startedAt,
            Instant seenAt,
            long indexApplied,
            long indexLag,
            long vectorsLag) {}

    private final Database db;
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(5));

    public NodeReports(Database db) {
        this.db = db;
    }

    /**
     * Reports now and every {@link #EVERY} as {@code node}: {@code applied} is its index's last
     * change, {@code indexLag} the papers it has yet to apply, {@code vectorsLag} the stored
     * embeddings it has yet to read.
     */
    public NodeReports start(
            String node,
            String version,
            Instant startedAt,
            LongSupplier applied,
            LongSupplier indexLag,
            LongSupplier vectorsLag) {
        loop.start(
                "node-report",
                EVERY,
                () -> report(new Report(
                        node,
                        version,
                        startedAt,
                        Instant.now(),
                        applied.getAsLong(),
                        indexLag.getAsLong(),
                        vectorsLag.getAsLong())),
                e -> LOG.warn(
                        "node report: cannot write to the store ({}); trying again in {}", e.getMessage(), EVERY));
        return this;
    }

    void report(Report r) {
        db.withHandle(h -> h.createUpdate(
                        "INSERT INTO node_reports "
                                + "(node, version, started_at, seen_at, index_applied, index_lag, vectors_lag) "
                                + "VALUES (:node, :version, :started, :seen, :applied, :lag, :vectorsLag) ON CONFLICT (node) DO UPDATE SET "
                                + "version = excluded.version, started_at = excluded.started_at, seen_at = excluded.seen_at, "
                                + "index_applied = excluded.index_applied, index_lag = excluded.index_lag, vectors_lag = excluded.vectors_lag")
                .bind("node", r.node())
                .bind("version", r.version())
                .bind("started", r.startedAt().toString())
                .bind("seen", r.seenAt().toEpochMilli())
                .bind("applied", r.indexApplied())
                .bind("lag", r.indexLag())
                .bind("vectorsLag", r.vectorsLag())
                .execute());
    }

    /** The nodes that reported within {@link #RECENT} of {@code now}, most recently started first. */
    public List<Report> recent(Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT node, version, started_at, seen_at, index_applied, index_lag, vectors_lag "
                                + "FROM node_reports WHERE seen_at >= :since ORDER BY started_at DESC, node")
                .bind("since", now.minus(RECENT).toEpochMilli())
                .map((rs, ctx) -> new Report(
                        rs.getString("node"),
                        rs.getString("version"),
                        Instant.parse(rs.getString("started_at")),
                        Instant.ofEpochMilli(rs.getLong("seen_at")),
                        rs.getLong("index_applied"),
                        rs.getLong("index_lag"),
                        rs.getLong("vectors_lag")))
                .list());
    }

    @Override
    public void close() {
        loop.close();
    }
}
