package io.paperboy.thumbnail;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the thumbnails table. */
final class ThumbnailRepository {
    /** A paper's row: its status, how many fetches were tried, and when it last changed (a claim's lease). */
    record State(String status, int attempts, String updatedAt) {}

    Map<String, State> listFor(Handle h, Collection<String> ids) {
        Map<String, State> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, status, attempts, updated_at FROM thumbnails WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(
                        rs.getString("paper_id"),
                        new State(rs.getString("status"), rs.getInt("attempts"), rs.getString("updated_at"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Claims a paper for this node (status 'claimed' from {@code now}): inserts its row, or moves the
     * row read as {@code seen} if no other node changed it since; false when another node has it.
     */
    boolean claim(Handle h, String paperId, State seen, Instant now) {
        if (seen == null) {
            return h.createUpdate("""
                            INSERT INTO thumbnails (paper_id, status, attempts, updated_at) VALUES (:paper, :claimed, 0, :now)
                            ON CONFLICT (paper_id) DO NOTHING""")
                            .bind("paper", paperId)
                            .bind("claimed", ThumbnailWorker.CLAIMED)
                            .bind("now", Timestamps.stamp(now))
                            .execute()
                    == 1;
        }
        return h.createUpdate("""
                        UPDATE thumbnails SET status = :claimed, updated_at = :now
                        WHERE paper_id = :paper AND status = :status AND updated_at = :seen""")
                        .bind("claimed", ThumbnailWorker.CLAIMED)
                        .bind("now", Timestamps.stamp(now))
                        .bind("paper", paperId)
                        .bind("status", seen.status())
                        .bind("seen", seen.updatedAt())
                        .execute()
                == 1;
    }

    void upsert(Handle h, String paperId, String status, int attempts, String error, byte[] png, Instant now) {
        h.createUpdate("""
                        INSERT INTO thumbnails (paper_id, status, attempts, last_error, updated_at, png)
                        VALUES (:paper, :status, :attempts, :error, :now, :png)
                        ON CONFLICT (paper_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                            last_error = excluded.last_error, updated_at = excluded.updated_at, png = excluded.png""")
                .bind("paper", paperId)
                .bind("status", status)
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("now", Timestamps.stamp(now))
                .bind("png", png)
                .execute();
    }

    /** The rendered PNG of a paper, as any node stored it. */
    Optional<byte[]> png(Handle h, String paperId) {
        return h.createQuery("SELECT png FROM thumbnails WHERE paper_id = :paper AND png IS NOT NULL")
                .bind("paper", paperId)
                .mapTo(byte[].class)
                .findOne();
    }
}
