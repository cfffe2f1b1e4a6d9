package io.paperboy.webhook;

import io.paperboy.db.Timestamps;
import io.paperboy.digest.Interests;
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

/** SQL for webhook_destinations and webhook_interests. */
final class DestinationRepository {
    private static final String COLUMNS = "id, owner_id, kind, name, url, secret, daily_top, send_hour, time_zone, "
            + "every_featured, paused, paused_reason, failures, created_at";

    long insert(Handle h, Long ownerId, DestinationInput in, String secret, Instant now) {
        long id = h.createUpdate("""
                        INSERT INTO webhook_destinations (owner_id, kind, name, url, secret, daily_top, send_hour, time_zone,
                            every_featured, paused, failures, created_at, updated_at)
                        VALUES (:owner, :kind, :name, :url, :secret, :top, :hour, :zone, :every, 0, 0, :now, :now)""")
                .bind("owner", ownerId)
                .bind("kind", in.kind().key())
                .bind("name", in.name())
                .bind("url", in.url())
                .bind("secret", secret)
                .bind("top", in.dailyTop())
                .bind("hour", in.hour())
                .bind("zone", in.zone().getId())
                .bind("every", in.everyFeatured() ? 1 : 0)
                .bind("now", Timestamps.stamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        Interests interests = in.interests();
        int position = 0;
        position = insertInterests(h, id, "search", interests.searches(), position);
        position = insertInterests(h, id, "author", interests.authors(), position);
        insertInterests(h, id, "category", interests.categories(), position);
        return id;
    }

    private static int insertInterests(Handle h, long id, String kind, List<String> values, int position) {
        for (String v : values) {
            h.createUpdate(
                            "INSERT INTO webhook_interests (destination_id, kind, value, position) VALUES (:id, :kind, :v, :p)")
                    .bind("id", id)
                    .bind("kind", kind)
                    .bind("v", v)
                    .bind("p", position++)
                    .execute();
        }
        return position;
    }

    Optional<Destination> findById(Handle h, long id) {
        return list(h, "WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** A member's own destinations ({@code ownerId}), or the site's (null), oldest first. */
    List<Destination> listOwnedBy(Handle h, Long ownerId) {
        return ownerId == null
                ? list(h, "WHERE owner_id IS NULL", Map.of())
                : list(h, "WHERE owner_id = :owner", Map.of("owner", ownerId));
    }

    /** Every destination that is not paused. */
    List<Destination> listActive(Handle h) {
        return list(h, "WHERE paused = 0", Map.of());
    }

    int deleteOwnedBy(Handle h, long ownerId) {
        return h.createUpdate("DELETE FROM webhook_destinations WHERE owner_id = :owner")
                .bind("owner", ownerId)
                .execute();
    }

    boolean delete(Handle h, long id) {
        return h.createUpdate("DELETE FROM webhook_destinations WHERE id = :id")
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Counts one more failed delivery in a row; pauses the destination with {@code reason} when it makes {@code pauseAt}. True when paused now. */
    boolean recordFailure(Handle h, long id, String reason, int pauseAt, Instant now) {
        h.createUpdate("UPDATE webhook_destinations SET failures = failures + 1, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", Timestamps.stamp(now))
                .execute();
        return h.createUpdate("UPDATE webhook_destinations SET paused = 1, paused_reason = :reason WHERE id = :id "
                                + "AND paused = 0 AND failures >= :at")
                        .bind("id", id)
                        .bind("reason", reason)
                        .bind("at", pauseAt)
                        .execute()
                == 1;
    }

    void clearFailures(Handle h, long id) {
        h.createUpdate("UPDATE webhook_destinations SET failures = 0 WHERE id = :id AND failures <> 0")
                .bind("id", id)
                .execute();
    }

    /** Resumes deliveries: not paused, no failures counted. */
    void resume(Handle h, long id, Instant now) {
        h.createUpdate(
                        "UPDATE webhook_destinations SET paused = 0, paused_reason = NULL, failures = 0, updated_at = :now "
                                + "WHERE id = :id")
                .bind("id", id)
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    private List<Destination> list(Handle h, String where, Map<String, Object> binds) {
        List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM webhook_destinations " + where + " ORDER BY id")
                .bindMap(binds)
                .map((rs, ctx) -> row(rs))
                .list();
        Map<Long, Interests> interests = interests(h, rows.stream().map(Row::id).toList());
        return rows.stream()
                .map(r -> r.destination(interests.getOrDefault(r.id(), Interests.NONE)))
                .toList();
    }

    private static Map<Long, Interests> interests(Handle h, List<Long> ids) {
        Map<Long, List<String[]>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        // Chunks keep the IN list within SQLite's bound-parameter limit.
        for (int i = 0; i < ids.size(); i += 500) {
            h.createQuery("SELECT destination_id, kind, value FROM webhook_interests WHERE destination_id IN (<ids>) "
                            + "ORDER BY destination_id, position")
                    .bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> byId.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                            .add(new String[] {(String) r[1], (String) r[2]}));
        }
        Map<Long, Interests> out = new HashMap<>();
        byId.forEach(
                (id, rows) -> out.put(id, new Interests(of(rows, "search"), of(rows, "author"), of(rows, "category"))));
        return out;
    }

    private static List<String> of(List<String[]> rows, String kind) {
        return rows.stream().filter(r -> r[0].equals(kind)).map(r -> r[1]).toList();
    }

    private record Row(
            long id,
            Long ownerId,
            Kind kind,
            String name,
            String url,
            String secret,
            int dailyTop,
            int hour,
            ZoneId zone,
            boolean everyFeatured,
            boolean paused,
            String pausedReason,
            int failures,
            Instant createdAt) {
        Destination destination(Interests interests) {
            return new Destination(
                    id,
                    ownerId,
                    kind,
                    name,
                    url,
                    secret,
                    dailyTop,
                    hour,
                    zone,
                    interests,
                    everyFeatured,
                    paused,
                    pausedReason,
                    failures,
                    createdAt);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        // wasNull speaks of the column read last: asked right after owner_id, not after id.
        long ownerValue = rs.getLong("owner_id");
        Long owner = rs.wasNull() ? null : ownerValue;
        return new Row(
                rs.getLong("id"),
                owner,
                Kind.of(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("secret"),
                rs.getInt("daily_top"),
                rs.getInt("send_hour"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getInt("every_featured") == 1,
                rs.getInt("paused") == 1,
                rs.getString("paused_reason"),
                rs.getInt("failures"),
                Timestamps.parse(rs.getString("created_at")));
    }
}
