package io.paperboy.digest;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** SQL for digest_outbox: one row per (subscription, period), moved through its delivery states. */
final class OutboxRepository implements io.paperboy.jobs.ClaimLeases.Rows {
    /** A row to deliver: which subscription, which period, how many times it was tried before. */
    record Row(long id, long subscriptionId, String periodKey, int attempts) {}

    // What a node may take: due pending rows, and rows whose sender's lease ran out (it died mid-send).
    private static final String CLAIMABLE =
            "((status = 'pending' AND next_attempt_at <= :now) " + "OR (status = 'sending' AND lease_until <= :now))";

    // A row this sender still holds: the outcome of a send is recorded only under the claim that made it.
    private static final String HELD = "status = 'sending' AND claim_token = :token";

    private static final String INSERT = """
            INSERT INTO digest_outbox (subscription_id, period_key, status, next_attempt_at, created_at)
            VALUES (:subscription, :period, 'pending', :now, :now)
            ON CONFLICT (subscription_id, period_key) DO NOTHING""";

    /** Records that each subscription gets its period's digest; rows that exist stay as they are. Returns how many were new. */
    int enqueue(Handle h, List<Map.Entry<Long, String>> subscriptionPeriods, Instant now) {
        // One statement per row rather than a JDBC batch: PostgreSQL's rewritten batches do not say
        // how many rows each insert added, and the run reports how many were new.
        int added = 0;
        for (Map.Entry<Long, String> e : subscriptionPeriods) {
            added += h.createUpdate(INSERT)
                    .bind("subscription", e.getKey())
                    .bind("period", e.getValue())
                    .bind("now", Timestamps.stamp(now))
                    .execute();
        }
        return added;
    }

    List<Row> listClaimable(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT id, subscription_id, period_key, attempts FROM digest_outbox WHERE " + CLAIMABLE
                        + " ORDER BY id LIMIT :limit")
                .bind("now", Timestamps.stamp(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** The members (subscriptions made from an account) with a row claimable at {@code now}: whom delivery will mail. */
    List<Long> listMembersToDeliver(Handle h, Instant now) {
        return h.createQuery("""
                        SELECT DISTINCT s.user_id FROM digest_outbox o JOIN digest_subscriptions s ON s.id = o.subscription_id
                        WHERE s.user_id IS NOT NULL AND ((o.status = 'pending' AND o.next_attempt_at <= :now)
                            OR (o.status = 'sending' AND o.lease_until <= :now))
                        ORDER BY s.user_id""")
                .bind("now", Timestamps.stamp(now))
                .mapTo(Long.class)
                .list();
    }

    /** Takes the row under {@code token} until {@code leaseUntil}; false when another sender took it first. */
    @Override
    public boolean claim(Handle h, long id, String token, Instant now, Instant leaseUntil) {
        return h.createUpdate("UPDATE digest_outbox SET status = 'sending', lease_until = :lease, claim_token = :token "
                                + "WHERE id = :id AND " + CLAIMABLE)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("now", Timestamps.stamp(now))
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    /** Extends the lease of a row still claimed under {@code token}; false when the claim was lost. */
    @Override
    public boolean renew(Handle h, long id, String token, Instant leaseUntil) {
        return h.createUpdate("UPDATE digest_outbox SET lease_until = :lease WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    /** Records the relay's acceptance; false when the claim under {@code token} was lost meanwhile. */
    boolean markSent(Handle h, long id, String token, Instant now) {
        return h.createUpdate("UPDATE digest_outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, "
                                + "lease_until = NULL, last_error = NULL WHERE id = :id AND " + HELD)
                        .bind("id", id)
                        .bind("token", token)
                        .bind("now", Timestamps.stamp(now))
                        .execute()
                == 1;
    }

    void markRetry(Handle h, long id, String token, Instant nextAttempt, String error) {
        h.createUpdate("UPDATE digest_outbox SET status = 'pending', attempts = attempts + 1, lease_until = NULL, "
                        + "next_attempt_at = :next, last_error = :error WHERE id = :id AND " + HELD)
                .bind("id", id)
                .bind("token", token)
                .bind("next", Timestamps.stamp(nextAttempt))
                .bind("error", clip(error))
                .execute();
    }

    void markFailed(Handle h, long id, String token, String error) {
        h.createUpdate("UPDATE digest_outbox SET status = 'failed', attempts = attempts + 1, lease_until = NULL, "
                        + "last_error = :error WHERE id = :id AND " + HELD)
                .bind("id", id)
                .bind("token", token)
                .bind("error", clip(error))
                .execute();
    }

    /** Puts back a row this node claimed but did not try (the run stopped early). */
    void release(Handle h, long id) {
        h.createUpdate(
                        "UPDATE digest_outbox SET status = 'pending', lease_until = NULL WHERE id = :id AND status = 'sending'")
                .bind("id", id)
                .execute();
    }

    void cancel(Handle h, long id, String token) {
        h.createUpdate("UPDATE digest_outbox SET status = 'cancelled', lease_until = NULL WHERE id = :id AND " + HELD)
                .bind("id", id)
                .bind("token", token)
                .execute();
    }

    /** Cancels whatever of a subscription's digests has not gone out (it unsubscribed). */
    void cancelUnsent(Handle h, long subscriptionId) {
        h.createUpdate("UPDATE digest_outbox SET status = 'cancelled', lease_until = NULL "
                        + "WHERE subscription_id = :id AND status = 'pending'")
                .bind("id", subscriptionId)
                .execute();
    }

    /** Rows per status, for reports. */
    /** When the oldest mail still waiting to be sent (pending or being sent) was queued. */
    java.util.Optional<Instant> oldestWaiting(Handle h) {
        return h.createQuery("SELECT min(created_at) FROM digest_outbox WHERE status IN ('pending', 'sending')")
                .mapTo(String.class)
                .findOne()
                .map(Instant::parse);
    }

    Map<String, Integer> countByStatus(Handle h) {
        Map<String, Integer> counts = new TreeMap<>();
        h.createQuery("SELECT status, count(*) FROM digest_outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
