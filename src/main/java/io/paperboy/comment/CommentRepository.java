package io.paperboy.comment;

import io.paperboy.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the comments and comment_counts tables. */
final class CommentRepository {
    private static final String COLUMNS =
            "id, paper_id, parent_id, author_id, author_name, body, created_at, edited_at, deleted_at, hidden_at";

    long insert(Handle h, String paperId, Long parentId, long authorId, String authorName, String body, Instant now) {
        return h.createUpdate("""
                        INSERT INTO comments (paper_id, parent_id, author_id, author_name, body, created_at)
                        VALUES (:paper, :parent, :author, :name, :body, :now)""")
                .bind("paper", paperId)
                .bind("parent", parentId)
                .bind("author", authorId)
                .bind("name", authorName)
                .bind("body", body)
                .bind("now", Timestamps.stamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments WHERE id = :id")
                .bind("id", id)
                .map(CommentRepository::comment)
                .findOne();
    }

    /** Every comment on {@code paperId}, oldest first, whatever its state: the service decides who sees what. */
    List<Comment> listForPaper(Handle h, String paperId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments WHERE paper_id = :paper ORDER BY id")
                .bind("paper", paperId)
                .map(CommentRepository::comment)
                .list();
    }

    void updateBody(Handle h, long id, String body, Instant now) {
        h.createUpdate("UPDATE comments SET body = :body, edited_at = :now WHERE id = :id")
                .bind("body", body)
                .bind("now", Timestamps.stamp(now))
                .bind("id", id)
                .execute();
    }

    // The text goes at once: a deleted comment keeps only its place in the thread.
    void markDeleted(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE comments SET body = '', deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                .bind("now", Timestamps.stamp(now))
                .bind("id", id)
                .execute();
    }

    /** Hides ({@code at} non-null) or shows the comment; the number of rows that changed state. */
    int setHidden(Handle h, long id, Instant at) {
        String sql = at == null
                ? "UPDATE comments SET hidden_at = NULL WHERE id = :id AND hidden_at IS NOT NULL"
                : "UPDATE comments SET hidden_at = :at WHERE id = :id AND hidden_at IS NULL";
        return h.createUpdate(sql)
                .bind("id", id)
                .bind("at", Timestamps.stamp(at))
                .execute();
    }

    /** Recomputes the paper's visible count from its rows, in one statement (no drift from increments). */
    void recount(Handle h, String paperId) {
        h.createUpdate("""
                        INSERT INTO comment_counts (paper_id, visible)
                        SELECT :paper, COUNT(*) FROM comments
                        WHERE paper_id = :paper AND deleted_at IS NULL AND hidden_at IS NULL
                        ON CONFLICT (paper_id) DO UPDATE SET visible = excluded.visible""").bind("paper", paperId).execute();
    }

    /** Visible comments per paper; papers without any are absent. */
    Map<String, Integer> counts(Handle h, Collection<String> paperIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (paperIds.isEmpty()) {
            return counts;
        }
        h.createQuery("SELECT paper_id, visible FROM comment_counts WHERE paper_id IN (<ids>) AND visible > 0")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("visible")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Instant parse(String stamp) {
        return stamp == null ? null : Instant.parse(stamp);
    }

    private static Comment comment(ResultSet rs, StatementContext ctx) throws SQLException {
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        return new Comment(
                rs.getLong("id"),
                rs.getString("paper_id"),
                parent,
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getString("body"),
                parse(rs.getString("created_at")),
                parse(rs.getString("edited_at")),
                parse(rs.getString("deleted_at")),
                parse(rs.getString("hidden_at")));
    }
}
