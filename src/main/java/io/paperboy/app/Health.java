package io.paperboy.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.db.StoreSchema;
import io.paperboy.paper.PaperService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health for balancers and orchestrators. {@code /health}: the store answers (one read of the
 * one-row change counter, never a count over papers, so a balancer may ask every second).
 * {@code /health/live}: the process serves HTTP; it does not touch the store, so an outage of the
 * store does not get every node restarted. {@code /health/ready}: the node can serve everything —
 * the store answers, its schema is the one this node migrated to (not missing, not older), and
 * the search index is at most {@value #MAX_INDEX_LAG} papers behind the store — or 503 saying what
 * is missing.
 */
final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    static final long MAX_INDEX_LAG = 1000;

    private final Database db;
    private final PaperService papers;
    private final LongSupplier indexApplied;
    private final String schemaAtStart;
    private final Probe store = new Probe(this::checkStore);
    private final Probe readiness = new Probe(this::checkReady);

    Health(Database db, PaperService papers, LongSupplier indexApplied) {
        this.db = db;
        this.papers = papers;
        this.indexApplied = indexApplied;
        this.schemaAtStart = schemaVersion().orElse(null);
    }

    public void health(Context ctx) {
        Probe.Result r = store.result();
        answer(ctx, r.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, r.body());
    }

    private Probe.Result checkStore() {
        try {
            return new Probe.Result(true, new Store("ok", db.withHandle(ChangeSequence::current)));
        } catch (RuntimeException e) {
            LOG.warn("health check: the store does not answer: {}", e.getMessage());
            return new Probe.Result(false, new StoreDown("unavailable", "store"));
        }
    }

    public void live(Context ctx) {
        answer(ctx, HttpStatus.OK, new Alive("alive"));
    }

    public void ready(Context ctx) {
        Probe.Result r = readiness.result();
        answer(ctx, r.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, r.body());
    }

    // One connection for the whole check (the nested reads reuse this thread's handle), not one per read.
    private Probe.Result checkReady() {
        List<String> missing = new ArrayList<>();
        try {
            return db.withHandle(h -> {
                try {
                    ChangeSequence.current(h);
                } catch (RuntimeException e) {
                    return storeDown(missing, e);
                }
                String schema = checkSchema(missing);
                // Papers the index has yet to apply (listing and vote changes are not the index's), counted up to the
                // limit.
                long lag = papers.countChangedSince(indexApplied.getAsLong(), (int) MAX_INDEX_LAG + 1);
                if (lag > MAX_INDEX_LAG) {
                    missing.add("index: more than " + MAX_INDEX_LAG + " papers behind the store");
                }
                return new Probe.Result(
                        missing.isEmpty(),
                        new Readiness("up", schema, lag, missing.isEmpty() ? "ready" : "not ready", missing));
            });
        } catch (RuntimeException e) {
            return storeDown(missing, e);
        }
    }

    private static Probe.Result storeDown(List<String> missing, RuntimeException e) {
        missing.add("store: it does not answer (" + e.getMessage() + ")");
        return new Probe.Result(false, new NotReachable("down", "not ready", missing));
    }

    // The schema's version now (null when there is none), adding to missing what is wrong with it.
    private String checkSchema(List<String> missing) {
        Optional<String> now = schemaVersion();
        if (now.isEmpty()) {
            missing.add("migrations: the store has no schema");
        } else if (schemaAtStart != null
                && MigrationVersion.fromVersion(now.get()).compareTo(MigrationVersion.fromVersion(schemaAtStart)) < 0) {
            missing.add(
                    "migrations: the store's schema is at version " + now.get() + ", this node needs " + schemaAtStart);
        }
        return now.orElse(null);
    }

    private Optional<String> schemaVersion() {
        return db.withHandle(h -> {
            try {
                return StoreSchema.version(h.getConnection());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("health: unable to read the schema version: " + e.getMessage(), e);
            }
        });
    }

    private static void answer(Context ctx, HttpStatus status, Object body) {
        ctx.status(status).header("Cache-Control", "no-store").json(body);
    }

    /** {@code /health}: the store answers, at this change number. */
    record Store(String status, long changes) {}

    /** {@code /health} when the store does not answer. */
    record StoreDown(String status, String reason) {}

    /** {@code /health/live}. */
    record Alive(String status) {}

    /** {@code /health/ready} when the store answers; {@code schema} is null (written) when the store has none. */
    record Readiness(
            String store,
            String schema,
            @JsonProperty("index_lag") long indexLag,
            String status,
            List<String> missing) {}

    /** {@code /health/ready} when the store does not answer. */
    record NotReachable(String store, String status, List<String> missing) {}
}
