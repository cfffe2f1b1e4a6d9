package io.paperboy.thumbnail;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for the thumbnails table. */
final class ThumbnailRepository {
    /** A paper's row: its status and how many fetches were tried. */
    record State(String status, int attempts) {}

    Map<String, State> listFor(Handle h, Collection<String> ids) {
        Map<String, State> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, status, attempts FROM thumbnails WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), new State(rs.getString("status"), rs.getInt("attempts"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void upsert(Handle h, String paperId, String status, int attempts, String error, Instant now) {
        h.createUpdate("""
                        INSERT INTO thumbnails (paper_id, status, attempts, last_error, updated_at)
                        VALUES (:paper, :status, :attempts, :error, :now)
                        ON CONFLICT (paper_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                            last_error = excluded.last_error, updated_at = excluded.updated_at""")
                .bind("paper", paperId).bind("status", status).bind("attempts", attempts).bind("error", error)
                .bind("now", Timestamps.stamp(now)).execute();
    }
}
