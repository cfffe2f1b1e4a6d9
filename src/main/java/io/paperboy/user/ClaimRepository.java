package io.paperboy.user;

import io.paperboy.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the author_claims table. */
final class ClaimRepository {
    private static final String SELECT = "SELECT c.id, c.paper_id, c.author_name, c.user_id, u.name, u.display_name, "
            + "c.status, c.created_at, c.decided_at FROM author_claims c JOIN users u ON u.id = c.user_id ";

    long insert(Handle h, String paperId, String authorName, long userId, Instant now) {
        return h.createUpdate("INSERT INTO author_claims (paper_id, author_name, user_id, status, created_at) "
                        + "VALUES (:paper, :author, :user, 'pending', :now)")
                .bind("paper", paperId)
                .bind("author", authorName)
                .bind("user", userId)
                .bind("now", Timestamps.stamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<AuthorClaim> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE c.id = :id")
                .bind("id", id)
                .map(ClaimRepository::claim)
                .findOne();
    }

    Optional<AuthorClaim> findOfMemberOnPaper(Handle h, long userId, String paperId) {
        return h.createQuery(SELECT + "WHERE c.user_id = :user AND c.paper_id = :paper")
                .bind("user", userId)
                .bind("paper", paperId)
                .map(ClaimRepository::claim)
                .findOne();
    }

    /** The approved claim on an author name of a paper (there is at most one). */
    Optional<AuthorClaim> findApproved(Handle h, String paperId, String authorName) {
        return h.createQuery(SELECT + "WHERE c.paper_id = :paper AND c.author_name = :author AND c.status = 'approved'")
                .bind("paper", paperId)
                .bind("author", authorName)
                .map(ClaimRepository::claim)
                .findOne();
    }

    List<AuthorClaim> listApprovedOnPaper(Handle h, String paperId) {
        return h.createQuery(SELECT + "WHERE c.paper_id = :paper AND c.status = 'approved' ORDER BY c.id")
                .bind("paper", paperId)
                .map(ClaimRepository::claim)
                .list();
    }

    /** A member's claims, newest first. */
    List<AuthorClaim> listOfMember(Handle h, long userId, int limit) {
        return h.createQuery(SELECT + "WHERE c.user_id = :user ORDER BY c.id DESC LIMIT :limit")
                .bind("user", userId)
                .bind("limit", limit)
                .map(ClaimRepository::claim)
                .list();
    }

    /** Claims waiting for a curator, oldest first (first come, first decided). */
    List<AuthorClaim> listPending(Handle h, int limit) {
        return h.createQuery(SELECT + "WHERE c.status = 'pending' ORDER BY c.id LIMIT :limit")
                .bind("limit", limit)
                .map(ClaimRepository::claim)
                .list();
    }

    /** Decides a pending claim; false when it is no longer pending. */
    boolean updateDecision(Handle h, long id, ClaimStatus status, Instant now) {
        return h.createUpdate(
                                "UPDATE author_claims SET status = :status, decided_at = :now WHERE id = :id AND status = 'pending'")
                        .bind("status", status.key())
                        .bind("now", Timestamps.stamp(now))
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static AuthorClaim claim(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuthorClaim(
                rs.getLong("id"),
                rs.getString("paper_id"),
                rs.getString("author_name"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("display_name"),
                ClaimStatus.of(rs.getString("status")),
                Timestamps.parse(rs.getString("created_at")),
                Timestamps.parse(rs.getString("decided_at")));
    }
}
