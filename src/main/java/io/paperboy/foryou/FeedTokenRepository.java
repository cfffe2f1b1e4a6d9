package io.paperboy.foryou;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for foryou_feed_tokens: one private feed secret per member, kept as a hash. */
final class FeedTokenRepository {
    /** Makes {@code tokenHash} the member's one token: the previous one stops working in the same statement. */
    void replace(Handle h, long userId, String tokenHash, Instant now) {
        h.createUpdate("""
                        INSERT INTO foryou_feed_tokens (user_id, token_hash, created_at) VALUES (:user, :hash, :now)
                        ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at""")
                .bind("user", userId)
                .bind("hash", tokenHash)
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    boolean delete(Handle h, long userId) {
        return h.createUpdate("DELETE FROM foryou_feed_tokens WHERE user_id = :user")
                        .bind("user", userId)
                        .execute()
                > 0;
    }

    Optional<Long> member(Handle h, String tokenHash) {
        return h.createQuery("SELECT user_id FROM foryou_feed_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .mapTo(Long.class)
                .findOne();
    }

    Optional<Instant> createdAt(Handle h, long userId) {
        return h.createQuery("SELECT created_at FROM foryou_feed_tokens WHERE user_id = :user")
                .bind("user", userId)
                .mapTo(String.class)
                .findOne()
                .map(Instant::parse);
    }
}
