package io.paperboy.foryou;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the foryou_picks and foryou_pick_state tables. */
final class PicksRepository {
    /** From which likes, and when, a member's stored picks were computed. */
    record State(String likesHash, Instant computedAt) {}

    Optional<State> state(Handle h, long userId) {
        return h.createQuery("SELECT likes_hash, computed_at FROM foryou_pick_state WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> new State(rs.getString("likes_hash"), Instant.parse(rs.getString("computed_at"))))
                .findOne();
    }

    /**
     * Replaces the member's picks. The state row is written first: on PostgreSQL its row lock
     * makes a second refresh of the same member wait instead of colliding on the picks' key.
     */
    void replace(Handle h, long userId, List<Pick> picks, String likesHash, Instant now) {
        h.createUpdate("""
                        INSERT INTO foryou_pick_state (user_id, likes_hash, computed_at) VALUES (:user, :hash, :now)
                        ON CONFLICT (user_id) DO UPDATE SET likes_hash = excluded.likes_hash,
                            computed_at = excluded.computed_at""")
                .bind("user", userId)
                .bind("hash", likesHash)
                .bind("now", Timestamps.stamp(now))
                .execute();
        h.createUpdate("DELETE FROM foryou_picks WHERE user_id = :user")
                .bind("user", userId)
                .execute();
        if (picks.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("INSERT INTO foryou_picks (user_id, rank, paper_id, because_id, upvoted) "
                + "VALUES (:user, :rank, :paper, :because, :upvoted)");
        for (int rank = 0; rank < picks.size(); rank++) {
            Pick p = picks.get(rank);
            insert.bind("user", userId)
                    .bind("rank", rank)
                    .bind("paper", p.paperId())
                    .bind("because", p.becauseId())
                    .bind("upvoted", p.upvoted() ? 1 : 0)
                    .add();
        }
        insert.execute();
    }

    List<Pick> list(Handle h, long userId, int limit) {
        return h.createQuery("SELECT paper_id, because_id, upvoted FROM foryou_picks WHERE user_id = :user "
                        + "ORDER BY rank LIMIT :limit")
                .bind("user", userId)
                .bind("limit", limit)
                .map((rs, ctx) ->
                        new Pick(rs.getString("paper_id"), rs.getString("because_id"), rs.getInt("upvoted") == 1))
                .list();
    }
}
