package io.paperboy.digest;

import io.paperboy.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for digest_subscriptions and digest_interests. */
final class SubscriptionRepository {
    private static final String COLUMNS =
            "id, email, user_id, frequency, send_hour, time_zone, status, confirmed_at, bounces";

    Optional<Subscription> findByEmail(Handle h, String email) {
        return one(h, "email = :v", email);
    }

    Optional<Subscription> findByUser(Handle h, long userId) {
        return one(h, "user_id = :v", userId);
    }

    Optional<Subscription> findById(Handle h, long id) {
        return one(h, "id = :v", id);
    }

    private Optional<Subscription> one(Handle h, String where, Object value) {
        Optional<Subscription> found = h.createQuery("SELECT " + COLUMNS + " FROM digest_subscriptions WHERE " + where)
                .bind("v", value)
                .map((rs, ctx) -> subscription(rs))
                .findOne();
        return found.map(s -> s.withInterests(interests(h, List.of(s.id())).getOrDefault(s.id(), Interests.NONE)));
    }

    /** Every active subscription, with its interests (two queries, however many there are). */
    List<Subscription> listActive(Handle h) {
        List<Subscription> active = h.createQuery(
                        "SELECT " + COLUMNS + " FROM digest_subscriptions " + "WHERE status = 'active' ORDER BY id")
                .map((rs, ctx) -> subscription(rs))
                .list();
        Map<Long, Interests> interests = allInterests(h);
        return active.stream()
                .map(s -> s.withInterests(interests.getOrDefault(s.id(), Interests.NONE)))
                .toList();
    }

    long insert(
            Handle h,
            String email,
            Long userId,
            SubscriptionInput input,
            String confirmHash,
            Instant expires,
            Instant now) {
        return h.createUpdate("""
                        INSERT INTO digest_subscriptions (email, user_id, frequency, send_hour, time_zone, status,
                            confirm_hash, confirm_expires_at, created_at, updated_at)
                        VALUES (:email, :user, :frequency, :hour, :zone, 'pending', :hash, :expires, :now, :now)""")
                .bind("email", email)
                .bind("user", userId)
                .bind("frequency", input.frequency().key())
                .bind("hour", input.hour())
                .bind("zone", input.zone().getId())
                .bind("hash", confirmHash)
                .bind("expires", Timestamps.stamp(expires))
                .bind("now", Timestamps.stamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void updateSettings(Handle h, long id, Long userId, SubscriptionInput input, Instant now) {
        h.createUpdate("""
                        UPDATE digest_subscriptions SET user_id = coalesce(:user, user_id), frequency = :frequency,
                            send_hour = :hour, time_zone = :zone, updated_at = :now WHERE id = :id""")
                .bind("id", id)
                .bind("user", userId)
                .bind("frequency", input.frequency().key())
                .bind("hour", input.hour())
                .bind("zone", input.zone().getId())
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    /** Back to pending with a new confirmation link (the previous one stops working). */
    void awaitConfirmation(Handle h, long id, String confirmHash, Instant expires, Instant now) {
        h.createUpdate("""
                        UPDATE digest_subscriptions SET status = 'pending', confirm_hash = :hash,
                            confirm_expires_at = :expires, updated_at = :now WHERE id = :id""")
                .bind("id", id)
                .bind("hash", confirmHash)
                .bind("expires", Timestamps.stamp(expires))
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    /**
     * Activates the pending subscription whose link has {@code confirmHash}, in one statement so
     * two clicks racing cannot both succeed; empty when unknown, used or expired.
     */
    Optional<Long> confirm(Handle h, String confirmHash, Instant now) {
        Optional<Long> id = h.createQuery("SELECT id FROM digest_subscriptions WHERE confirm_hash = :hash")
                .bind("hash", confirmHash)
                .mapTo(Long.class)
                .findOne();
        if (id.isEmpty()) {
            return id;
        }
        int updated = h.createUpdate("""
                        UPDATE digest_subscriptions SET status = 'active', confirmed_at = :now, confirm_hash = NULL,
                            confirm_expires_at = NULL, bounces = 0, last_error = NULL, updated_at = :now
                        WHERE id = :id AND confirm_hash = :hash AND status = 'pending' AND confirm_expires_at > :now""")
                .bind("id", id.get())
                .bind("hash", confirmHash)
                .bind("now", Timestamps.stamp(now))
                .execute();
        return updated == 1 ? id : Optional.empty();
    }

    /** Active at once, for a member whose address is already confirmed. */
    void activate(Handle h, long id, Instant now) {
        h.createUpdate("""
                        UPDATE digest_subscriptions SET status = 'active', confirmed_at = :now, confirm_hash = NULL,
                            confirm_expires_at = NULL, bounces = 0, last_error = NULL, updated_at = :now
                        WHERE id = :id""").bind("id", id).bind("now", Timestamps.stamp(now)).execute();
    }

    boolean setStatus(Handle h, long id, Subscription.Status status, Instant now) {
        return h.createUpdate("UPDATE digest_subscriptions SET status = :status, updated_at = :now WHERE id = :id")
                        .bind("id", id)
                        .bind("status", status.key())
                        .bind("now", Timestamps.stamp(now))
                        .execute()
                == 1;
    }

    /** Counts a permanent delivery failure; pauses the subscription at {@code pauseAfter}. Returns whether it paused. */
    boolean recordBounce(Handle h, long id, String error, int pauseAfter, Instant now) {
        h.createUpdate("UPDATE digest_subscriptions SET bounces = bounces + 1, last_error = :error, updated_at = :now "
                        + "WHERE id = :id")
                .bind("id", id)
                .bind("error", error)
                .bind("now", Timestamps.stamp(now))
                .execute();
        return h.createUpdate("UPDATE digest_subscriptions SET status = 'paused' WHERE id = :id AND status = 'active' "
                                + "AND bounces >= :limit")
                        .bind("id", id)
                        .bind("limit", pauseAfter)
                        .execute()
                == 1;
    }

    void clearBounces(Handle h, long id) {
        h.createUpdate("UPDATE digest_subscriptions SET bounces = 0, last_error = NULL WHERE id = :id AND bounces > 0")
                .bind("id", id)
                .execute();
    }

    void replaceInterests(Handle h, long id, Interests interests) {
        h.createUpdate("DELETE FROM digest_interests WHERE subscription_id = :id")
                .bind("id", id)
                .execute();
        PreparedBatch batch = h.prepareBatch("INSERT INTO digest_interests (subscription_id, kind, value, position) "
                + "VALUES (:id, :kind, :value, :position)");
        add(batch, id, "search", interests.searches());
        add(batch, id, "author", interests.authors());
        add(batch, id, "category", interests.categories());
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void add(PreparedBatch batch, long id, String kind, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            batch.bind("id", id)
                    .bind("kind", kind)
                    .bind("value", values.get(i))
                    .bind("position", i)
                    .add();
        }
    }

    private Map<Long, Interests> interests(Handle h, List<Long> ids) {
        return collect(h.createQuery("SELECT subscription_id, kind, value FROM digest_interests "
                        + "WHERE subscription_id IN (<ids>) ORDER BY subscription_id, kind, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list());
    }

    private Map<Long, Interests> allInterests(Handle h) {
        return collect(h.createQuery("SELECT i.subscription_id, i.kind, i.value FROM digest_interests i "
                        + "JOIN digest_subscriptions s ON s.id = i.subscription_id WHERE s.status = 'active' "
                        + "ORDER BY i.subscription_id, i.kind, i.position")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list());
    }

    private static Map<Long, Interests> collect(List<String[]> rows) {
        Map<Long, List<List<String>>> lists = new HashMap<>();
        for (String[] row : rows) {
            List<List<String>> kinds = lists.computeIfAbsent(
                    Long.parseLong(row[0]), k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            int slot = switch (row[1]) {
                case "search" -> 0;
                case "author" -> 1;
                default -> 2;
            };
            kinds.get(slot).add(row[2]);
        }
        Map<Long, Interests> interests = new HashMap<>();
        lists.forEach((id, kinds) -> interests.put(id, new Interests(kinds.get(0), kinds.get(1), kinds.get(2))));
        return interests;
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        long userId = rs.getLong("user_id");
        Long member = rs.wasNull() ? null : userId;
        return new Subscription(
                rs.getLong("id"),
                rs.getString("email"),
                member,
                Frequency.of(rs.getString("frequency")),
                rs.getInt("send_hour"),
                ZoneId.of(rs.getString("time_zone")),
                Subscription.Status.of(rs.getString("status")),
                Interests.NONE,
                Timestamps.parse(rs.getString("confirmed_at")),
                rs.getInt("bounces"));
    }
}
