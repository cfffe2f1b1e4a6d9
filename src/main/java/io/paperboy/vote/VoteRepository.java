package io.paperboy.vote;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the votes and paper_votes tables (the total also reads the listings table's imported upvotes). */
final class VoteRepository {

    /** Holds the paper's total until the transaction ends: its recounts take turns. */
    void lockTotal(Handle h, String paperId) {
        io.paperboy.db.KeyLocks.hold(h, "upvotes:" + paperId);
    }

    void lockTotals(Handle h, Collection<String> paperIds) {
        io.paperboy.db.KeyLocks.holdAll(
                h, paperIds.stream().map(id -> "upvotes:" + id).toList());
    }

    /** Adds the vote; false when this member had already upvoted the paper. */
    boolean insert(Handle h, long userId, String paperId, Instant at) {
        return h.createUpdate("""
                        INSERT INTO votes (user_id, paper_id, created_at) VALUES (:user, :paper, :at)
                        ON CONFLICT (user_id, paper_id) DO NOTHING""")
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .bind("at", Timestamps.stamp(at))
                        .execute()
                == 1;
    }

    /** Removes the vote; false when there was none. */
    boolean delete(Handle h, long userId, String paperId) {
        return h.createUpdate("DELETE FROM votes WHERE user_id = :user AND paper_id = :paper")
                        .bind("user", userId)
                        .bind("paper", paperId)
                        .execute()
                == 1;
    }

    // A paper's members' votes and its shown total (imported upvotes of its shown listing entries
    // plus members' votes), from their source rows in one statement: a recount cannot drift the way
    // increments can when a statement is retried or edited. (SQLite needs the WHERE to tell the
    // upsert's ON from a join's.)
    private static final String RECOUNT = """
            INSERT INTO paper_votes (paper_id, votes, upvotes)
            SELECT :paper, v.n, v.n + COALESCE((SELECT SUM(upvotes) FROM listings
                                                WHERE paper_id = :paper AND unfeatured_at IS NULL), 0)
            FROM (SELECT count(*) AS n FROM votes WHERE paper_id = :paper) v
            WHERE true
            ON CONFLICT (paper_id) DO UPDATE SET votes = excluded.votes, upvotes = excluded.upvotes""";

    /** Recounts the paper's votes and shown total; returns the total. */
    int recount(Handle h, String paperId) {
        h.createUpdate(RECOUNT).bind("paper", paperId).execute();
        return upvotes(h, paperId);
    }

    /** Recounts the votes and shown totals of {@code paperIds}, in one batch. */
    void recount(Handle h, Collection<String> paperIds) {
        if (paperIds.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(RECOUNT);
        paperIds.forEach(id -> batch.bind("paper", id).add());
        batch.execute();
    }

    /** The paper's shown total, imported upvotes plus members' votes. */
    int upvotes(Handle h, String paperId) {
        return h.createQuery("SELECT upvotes FROM paper_votes WHERE paper_id = :paper")
                .bind("paper", paperId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0);
    }

    /** The paper's shown total and whether the member upvoted it, in one statement. */
    VoteState state(Handle h, long userId, String paperId) {
        return h.createQuery("""
                        SELECT (SELECT upvotes FROM paper_votes WHERE paper_id = :paper) AS upvotes,
                               EXISTS (SELECT 1 FROM votes WHERE user_id = :user AND paper_id = :paper) AS upvoted""")
                .bind("user", userId)
                .bind("paper", paperId)
                .map((rs, ctx) -> new VoteState(paperId, rs.getInt("upvotes"), rs.getBoolean("upvoted"), false))
                .one();
    }

    /** Shown totals of {@code paperIds}; papers without any upvote are missing. */
    Map<String, Integer> upvotes(Handle h, Collection<String> paperIds) {
        Map<String, Integer> totals = new HashMap<>();
        if (paperIds.isEmpty()) {
            return totals;
        }
        h.createQuery("SELECT paper_id, upvotes FROM paper_votes WHERE paper_id IN (<ids>) AND upvotes > 0")
                .bindList("ids", List.copyOf(paperIds))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("upvotes")))
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    /** The {@code limit} most upvoted papers, most first (ties by id), through the index on the total. */
    Map<String, Integer> listMostUpvoted(Handle h, int limit) {
        Map<String, Integer> top = new LinkedHashMap<>();
        h.createQuery(
                        "SELECT paper_id, upvotes FROM paper_votes WHERE upvotes > 0 ORDER BY upvotes DESC, paper_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getInt("upvotes")))
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
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
