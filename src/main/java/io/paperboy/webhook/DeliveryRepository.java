package io.paperboy.webhook;

import io.paperboy.db.Timestamps;
import io.paperboy.jobs.ClaimLeases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** SQL for webhook_outbox (one row per destination and event), webhook_attempts (the delivery log) and webhook_scan. */
final class DeliveryRepository implements ClaimLeases.Rows {
    /** How many attempts the log keeps per destination. */
    static final int LOG_SIZE = 50;

    /** A row to deliver. */
    record Row(long id, long destinationId, String eventKey, String payload, int attempts) {}

    // Due pending rows, and rows whose sender's lease ran out (it died mid-send), of destinations not paused.
    private static final String CLAIMABLE =
            "((status = 'pending' AND next_attempt_at <= :now) " + "OR (status = 'sending' AND lease_until <= :now))";
    private static final String HELD = "status = 'sending' AND claim_token = :token";

    /** Queues {@code eventKey} for the destination unless it was queued before; true when new. */
    boolean enqueue(Handle h, long destinationId, String eventKey, String payload, Instant now) {
        return h.createUpdate("""
                        INSERT INTO webhook_outbox (destination_id, event_key, payload, status, next_attempt_at, created_at)
                        VALUES (:d, :key, :payload, 'pending', :now, :now)
                        ON CONFLICT (destination_id, event_key) DO NOTHING""")
                        .bind("d", destinationId)
                        .bind("key", eventKey)
                        .bind("payload", payload)
                        .bind("now", Timestamps.stamp(now))
                        .execute()
                == 1;
    }

    /** Whether the destination already has the event (queued, sent or given up). */
    boolean exists(Handle h, long destinationId, String eventKey) {
        return h.createQuery("SELECT count(*) FROM webhook_outbox WHERE destination_id = :d AND event_key = :key")
                        .bind("d", destinationId)
                        .bind("key", eventKey)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    List<Row> listClaimable(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT o.id, o.destination_id, o.event_key, o.payload, o.attempts FROM webhook_outbox o "
                        + "JOIN webhook_destinations d ON d.id = o.destination_id WHERE d.paused = 0 AND "
                        + CLAIMABLE
                                .replace("status", "o.status")
                                .replace("next_attempt_at", "o.next_attempt_at")
                                .replace("lease_until", "o.lease_until")
                        + " ORDER BY o.id LIMIT :limit")
                .bind("now", Timestamps.stamp(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    @Override
    public boolean claim(Handle h, long id, String token, Instant now, Instant leaseUntil) {
        return h.createUpdate(
                                "UPDATE webhook_outbox SET status = 'sending', lease_until = :lease, claim_token = :token "
                                        + "WHERE id = :id AND " + CLAIMABLE)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("now", Timestamps.stamp(now))
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    @Override
    public boolean renew(Handle h, long id, String token, Instant leaseUntil) {
        return h.createUpdate("UPDATE webhook_outbox SET lease_until = :lease WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    boolean markSent(Handle h, long id, String token, Instant now) {
        return h.createUpdate("UPDATE webhook_outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, "
                                + "lease_until = NULL, last_error = NULL WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("now", Timestamps.stamp(now))
                        .execute()
                == 1;
    }

    boolean markRetry(Handle h, long id, String token, Instant next, String error) {
        return h.createUpdate(
                                "UPDATE webhook_outbox SET status = 'pending', attempts = attempts + 1, lease_until = NULL, "
                                        + "next_attempt_at = :next, last_error = :error WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("next", Timestamps.stamp(next))
                        .bind("error", clip(error))
                        .execute()
                == 1;
    }

    boolean markFailed(Handle h, long id, String token, String error) {
        return h.createUpdate(
                                "UPDATE webhook_outbox SET status = 'failed', attempts = attempts + 1, lease_until = NULL, "
                                        + "last_error = :error WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("error", clip(error))
                        .execute()
                == 1;
    }

    /** A receiver said "not before {@code until}" (429 with Retry-After): its other pending rows wait too. */
    void holdPending(Handle h, long destinationId, Instant until) {
        h.createUpdate("UPDATE webhook_outbox SET next_attempt_at = :until WHERE destination_id = :d "
                        + "AND status = 'pending' AND next_attempt_at < :until")
                .bind("d", destinationId)
                .bind("until", Timestamps.stamp(until))
                .execute();
    }

    /** Appends to the destination's log and drops what is older than its last {@value #LOG_SIZE} attempts. */
    void log(Handle h, long destinationId, String eventKey, Instant at, Attempt attempt) {
        h.createUpdate("""
                        INSERT INTO webhook_attempts (destination_id, event_key, attempted_at, outcome, http_status, latency_ms, error)
                        VALUES (:d, :key, :at, :outcome, :status, :ms, :error)""")
                .bind("d", destinationId)
                .bind("key", eventKey)
                .bind("at", Timestamps.stamp(at))
                .bind("outcome", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .bind("status", attempt.status())
                .bind("ms", attempt.latency().toMillis())
                .bind("error", clip(attempt.error()))
                .execute();
        h.createUpdate("""
                        DELETE FROM webhook_attempts WHERE destination_id = :d AND id <= (
                            SELECT id FROM webhook_attempts WHERE destination_id = :d ORDER BY id DESC LIMIT 1 OFFSET :keep)""").bind("d", destinationId).bind("keep", LOG_SIZE).execute();
    }

    List<LoggedAttempt> listLog(Handle h, long destinationId) {
        return h.createQuery(
                        "SELECT event_key, attempted_at, outcome, http_status, latency_ms, error FROM webhook_attempts "
                                + "WHERE destination_id = :d ORDER BY id DESC LIMIT :n")
                .bind("d", destinationId)
                .bind("n", LOG_SIZE)
                .map((rs, ctx) -> new LoggedAttempt(
                        rs.getString(1),
                        Timestamps.parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getString(6)))
                .list();
    }

    /** Rows per status, for reports and tests. */
    Map<String, Integer> countByStatus(Handle h) {
        Map<String, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT status, count(*) FROM webhook_outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Optional<Instant> findScannedTo(Handle h) {
        return h.createQuery("SELECT scanned_to FROM webhook_scan WHERE id = 1")
                .mapTo(String.class)
                .findOne()
                .map(Timestamps::parse);
    }

    void updateScannedTo(Handle h, Instant to) {
        h.createUpdate("""
                        INSERT INTO webhook_scan (id, scanned_to) VALUES (1, :to)
                        ON CONFLICT (id) DO UPDATE SET scanned_to = excluded.scanned_to
                        WHERE excluded.scanned_to > webhook_scan.scanned_to""").bind("to", Timestamps.stamp(to)).execute();
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
