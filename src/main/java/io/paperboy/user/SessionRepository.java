package io.paperboy.user;

import io.paperboy.db.Timestamps;
import io.paperboy.web.Secrets;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the sessions table; ids arrive as cookie values and are stored only as hashes. */
final class SessionRepository {
    record Found(Account account, Instant lastSeen) {}

    void insert(Handle h, String sessionId, long userId, Instant now, Instant expires) {
        h.createUpdate("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) "
                        + "VALUES (:id, :user, :now, :now, :expires)")
                .bind("id", Secrets.hash(sessionId))
                .bind("user", userId)
                .bind("now", Timestamps.stamp(now))
                .bind("expires", Timestamps.stamp(expires))
                .execute();
    }

    Optional<Found> find(Handle h, String sessionId, Instant now) {
        return h.createQuery("SELECT " + AccountRepository.COLUMNS + ", s.last_seen_at FROM sessions s "
                        + "JOIN users u ON u.id = s.user_id WHERE s.id_hash = :id AND s.expires_at > :now")
                .bind("id", Secrets.hash(sessionId))
                .bind("now", Timestamps.stamp(now))
                .map((rs, ctx) ->
                        new Found(AccountRepository.account(rs, ctx), Timestamps.parse(rs.getString("last_seen_at"))))
                .findOne();
    }

    void touch(Handle h, String sessionId, Instant now, Instant expires) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE id_hash = :id")
                .bind("id", Secrets.hash(sessionId))
                .bind("now", Timestamps.stamp(now))
                .bind("expires", Timestamps.stamp(expires))
                .execute();
    }

    void delete(Handle h, String sessionId) {
        h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                .bind("id", Secrets.hash(sessionId))
                .execute();
    }

    void deleteAllOf(Handle h, long userId) {
        h.createUpdate("DELETE FROM sessions WHERE user_id = :user")
                .bind("user", userId)
                .execute();
    }

    void deleteExpired(Handle h, Instant now) {
        h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", Timestamps.stamp(now))
                .execute();
    }
}
