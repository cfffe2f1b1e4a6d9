package io.paperboy.github;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for the github_stars table. */
final class StarsRepository {
    /** A paper's row as the worker reads it. */
    record Row(String paperId, String repo, Integer stars, String etag, String status, String dueAt) {}

    Map<String, Row> listFor(Handle h, Collection<String> paperIds) {
        Map<String, Row> out = new HashMap<>();
        if (paperIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, repo, stars, etag, status, due_at FROM github_stars WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> new Row(
                        rs.getString("paper_id"),
                        rs.getString("repo"),
                        nullableInt(rs, "stars"),
                        rs.getString("etag"),
                        rs.getString("status"),
                        rs.getString("due_at")))
                .forEach(r -> out.put(r.paperId(), r));
        return out;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Stars of the papers among {@code paperIds} that have a good value. */
    Map<String, Integer> starsOf(Handle h, Collection<String> paperIds) {
        Map<String, Integer> out = new HashMap<>();
        if (paperIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, stars FROM github_stars WHERE paper_id IN (<ids>) AND stars IS NOT NULL")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("stars")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Claims a paper no node has asked about yet: inserts its row, due again at {@code leaseUntil};
     * false when another node inserted it first.
     */
    boolean claimNew(Handle h, String paperId, String repo, Instant leaseUntil) {
        return h.createUpdate("""
                        INSERT INTO github_stars (paper_id, repo, status, due_at) VALUES (:paper, :repo, 'new', :due)
                        ON CONFLICT (paper_id) DO NOTHING""")
                        .bind("paper", paperId)
                        .bind("repo", repo)
                        .bind("due", Timestamps.stamp(leaseUntil))
                        .execute()
                == 1;
    }

    /** Claims a due paper: moves its due time to {@code leaseUntil} if no other node moved it since it was read. */
    boolean claimDue(Handle h, String paperId, String dueAt, Instant leaseUntil) {
        return h.createUpdate("UPDATE github_stars SET due_at = :lease WHERE paper_id = :paper AND due_at = :seen")
                        .bind("lease", Timestamps.stamp(leaseUntil))
                        .bind("paper", paperId)
                        .bind("seen", dueAt)
                        .execute()
                == 1;
    }

    /**
     * Stores an answer. Pages cache on the store's change number, so a change of what they show
     * (the stars) takes a number; a refresh that confirms the same count does not.
     */
    void record(
            Handle h,
            Row before,
            String repo,
            Integer stars,
            String etag,
            String status,
            String error,
            Instant fetchedAt,
            Instant dueAt) {
        h.createUpdate("""
                        UPDATE github_stars SET repo = :repo, stars = :stars, etag = :etag, status = :status,
                            last_error = :error, fetched_at = COALESCE(:fetched, fetched_at), due_at = :due
                        WHERE paper_id = :paper""")
                .bind("repo", repo)
                .bind("stars", stars)
                .bind("etag", etag)
                .bind("status", status)
                .bind("error", error)
                .bind("fetched", Timestamps.stamp(fetchedAt))
                .bind("due", Timestamps.stamp(dueAt))
                .bind("paper", before.paperId())
                .execute();
        if (!java.util.Objects.equals(before.stars(), stars)) {
            ChangeSequence.next(h, ChangeSequence.paper(before.paperId()));
        }
    }
}
