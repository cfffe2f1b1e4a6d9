package io.paperboy.vote;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL for the votes and paper_votes tables. */
final class VoteRepository {

    /** Adds the vote; false when this member had already upvoted the paper. */
    boolean insert(Handle h, long userId, String paperId, Instant at) {
        return h.createUpdate("""
                        INSERT INTO votes (user_id, paper_id, created_at) VALUES (:user, :paper, :at)
                        ON CONFLICT (user_id, paper_id) DO NOTHING""")
                .bind("user", userId)
                .bind("paper", paperId)
                .bind("at", Timestamps.stamp(at))
                .execute() == 1;
    }

    /** Removes the vote; false when there was none. */
    boolean delete(Handle h, long userId, String paperId) {
        return h.createUpdate("DELETE FROM votes WHERE user_id = :user AND paper_id = :paper")
                .bind("user", userId)
                .bind("paper", paperId)
                .execute() == 1;
    }

    /**
     * Recounts the paper's member votes from the votes table in one statement and returns the
     * count: a recount cannot drift the way increments can when a statement is retried or edited.
     */
    int recount(Handle h, String paperId) {
        h.createUpdate("""
                        INSERT INTO paper_votes (paper_id, votes)
                        VALUES (:paper, (SELECT count(*) FROM votes WHERE paper_id = :paper))
                        ON CONFLICT (paper_id) DO UPDATE SET votes = excluded.votes""")
                .bind("paper", paperId)
                .execute();
        return count(h, paperId);
    }

    int count(Handle h, String paperId) {
        return h.createQuery("SELECT votes FROM paper_votes WHERE paper_id = :paper")
                .bind("paper", paperId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0);
    }

    boolean exists(Handle h, long userId, String paperId) {
        return h.createQuery("SELECT count(*) FROM votes WHERE user_id = :user AND paper_id = :paper")
                .bind("user", userId)
                .bind("paper", paperId)
                .mapTo(Integer.class)
                .one() > 0;
    }

    Map<String, Integer> counts(Handle h, Collection<String> paperIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (paperIds.isEmpty()) {
            return counts;
        }
        h.createQuery("SELECT paper_id, votes FROM paper_votes WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("votes")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    Map<String, Integer> positiveCounts(Handle h) {
        Map<String, Integer> counts = new HashMap<>();
        h.createQuery("SELECT paper_id, votes FROM paper_votes WHERE votes > 0")
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("votes")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Of {@code paperIds}, those the member has upvoted: one query for a whole page of cards. */
    Set<String> upvotedBy(Handle h, long userId, Collection<String> paperIds) {
        Set<String> upvoted = new HashSet<>();
        if (paperIds.isEmpty()) {
            return upvoted;
        }
        h.createQuery("SELECT paper_id FROM votes WHERE user_id = :user AND paper_id IN (<ids>)")
                .bind("user", userId)
                .bindList("ids", List.copyOf(paperIds))
                .mapTo(String.class)
                .forEach(upvoted::add);
        return upvoted;
    }

    /** The papers upvoted at or after {@code since}. */
    Set<String> votedSince(Handle h, Instant since) {
        return new HashSet<>(h.createQuery("SELECT DISTINCT paper_id FROM votes WHERE created_at >= :since")
                .bind("since", Timestamps.stamp(since))
                .mapTo(String.class)
                .list());
    }

    /** Every vote on {@code paperIds}, with when it was cast. */
    List<CastVote> castOn(Handle h, Collection<String> paperIds) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT paper_id, created_at FROM votes WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> new CastVote(rs.getString("paper_id"), Instant.parse(rs.getString("created_at"))))
                .list();
    }

    List<String> upvotedPaperIds(Handle h, long userId) {
        return h.createQuery("SELECT paper_id FROM votes WHERE user_id = :user ORDER BY created_at DESC, paper_id")
                .bind("user", userId)
                .mapTo(String.class)
                .list();
    }
}
