package io.paperboy.foryou;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for the saved_papers table. */
final class ReadingListRepository {
    record Row(String paperId, Instant savedAt, Instant readAt) {}

    /** Saves the paper unless it is saved already (then nothing changes); true when it was new. */
    boolean save(Handle h, long userId, String paperId, Instant now) {
        return h.createUpdate("INSERT INTO saved_papers (user_id, paper_id, saved_at) VALUES (:user, :paper, :now) "
                                + "ON CONFLICT (user_id, paper_id) DO NOTHING")
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .bind("now", Timestamps.stamp(now))
                        .execute()
                > 0;
    }

    boolean remove(Handle h, long userId, String paperId) {
        return h.createUpdate("DELETE FROM saved_papers WHERE user_id = :user AND paper_id = :paper")
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .execute()
                > 0;
    }

    boolean markRead(Handle h, long userId, String paperId, Instant readAt) {
        return h.createUpdate("UPDATE saved_papers SET read_at = :read WHERE user_id = :user AND paper_id = :paper")
                        .bind("read", Timestamps.stamp(readAt))
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .execute()
                > 0;
    }

    List<Row> list(Handle h, long userId) {
        return h.createQuery("SELECT paper_id, saved_at, read_at FROM saved_papers WHERE user_id = :user "
                        + "ORDER BY saved_at DESC, paper_id")
                .bind("user", userId)
                .map((rs, ctx) -> new Row(
                        rs.getString("paper_id"),
                        Instant.parse(rs.getString("saved_at")),
                        Timestamps.parse(rs.getString("read_at"))))
                .list();
    }

    boolean isSaved(Handle h, long userId, String paperId) {
        return h.createQuery("SELECT count(*) FROM saved_papers WHERE user_id = :user AND paper_id = :paper")
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }
}
