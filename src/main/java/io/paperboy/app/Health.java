package io.paperboy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        ObjectNode body = JSON.createObjectNode();
        try {
            body.put("status", "ok").put("changes", db.withHandle(ChangeSequence::current));
            return new Probe.Result(true, body);
        } catch (RuntimeException e) {
            LOG.warn("health check: the store does not answer: {}", e.getMessage());
            return new Probe.Result(false, body.put("status", "unavailable").put("reason", "store"));
        }
    }

    public void live(Context ctx) {
        answer(ctx, HttpStatus.OK, JSON.createObjectNode().put("status", "alive"));
    }

    public void ready(Context ctx) {
        Probe.Result r = readiness.result();
        answer(ctx, r.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, r.body());
    }

    // One connection for the whole check (the nested reads reuse this thread's handle), not one per read.
    private Probe.Result checkReady() {
        List<String> missing = new ArrayList<>();
        ObjectNode body = JSON.createObjectNode();
        try {
            db.withHandle(h -> {
                long storeChanges;
                try {
                    storeChanges = ChangeSequence.current(h);
                    body.put("store", "up");
                } catch (RuntimeException e) {
                    body.put("store", "down");
                    missing.add("store: it does not answer (" + e.getMessage() + ")");
                    return null;
                }
                checkSchema(body, missing);
                // Papers the index has yet to apply (listing and vote changes are not the index's), counted up to the limit.
                long lag = papers.countChangedSince(indexApplied.getAsLong(), (int) MAX_INDEX_LAG + 1);
                body.put("index_lag", lag);
                if (lag > MAX_INDEX_LAG) {
                    missing.add("index: more than " + MAX_INDEX_LAG + " papers behind the store");
                }
                return storeChanges;
            });
        } catch (RuntimeException e) {
            body.put("store", "down");
            missing.add("store: it does not answer (" + e.getMessage() + ")");
        }
        body.put("status", missing.isEmpty() ? "ready" : "not ready");
        missing.forEach(body.putArray("missing")::add);
        return new Probe.Result(missing.isEmpty(), body);
    }

    private void checkSchema(ObjectNode body, List<String> missing) {
        Optional<String> now = schemaVersion();
        body.put("schema", now.orElse(null));
        if (now.isEmpty()) {
            missing.add("migrations: the store has no schema");
        } else if (schemaAtStart != null
                && MigrationVersion.fromVersion(now.get()).compareTo(MigrationVersion.fromVersion(schemaAtStart)) < 0) {
            missing.add("migrations: the store's schema is at version " + now.get() + ", this node needs " + schemaAtStart);
        }
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

    private static void answer(Context ctx, HttpStatus status, ObjectNode body) {
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-store").result(body.toString());
    }
}
