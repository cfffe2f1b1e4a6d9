package io.paperboy.vote;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Upvotes as state transitions: not upvoted → upvoted and back, one vote per member per paper
 * (the votes table's primary key), a repeated request changing nothing.
 *
 * <p>Each transition is one short transaction that writes the vote, then takes the paper's total
 * lock ({@code upvotes:ID}, held until commit) and recounts: recounts of one paper run one after
 * another, votes on different papers side by side, and nothing else of the cluster waits for them.
 * (The vote row first: an import rewriting the paper holds its row until commit and takes the
 * total lock after, so taking the lock before the row would let the two wait for each other.) On PostgreSQL
 * every later statement of the transaction (READ COMMITTED) sees all votes committed before it, so
 * the recount is exact; SQLite transactions begin IMMEDIATE (the store's one write lock). The
 * change number, noted with the paper's topic, tells every node's page cache that the pages
 * showing this paper are stale, and only those.
 */
public final class VoteService {
    private final Database db;
    private final PaperService papers;
    private final Clock clock;
    private final VoteRepository votes = new VoteRepository();

    public VoteService(Database db, PaperService papers, Clock clock) {
        this.db = db;
        this.papers = papers;
        this.clock = clock;
    }

    /** The member upvotes the paper; empty when no paper has that id. */
    public Optional<VoteState> upvote(long memberId, String paperId) {
        return transition(memberId, paperId, true);
    }

    /** The member takes their upvote back; empty when no paper has that id. */
    public Optional<VoteState> removeUpvote(long memberId, String paperId) {
        return transition(memberId, paperId, false);
    }

    private Optional<VoteState> transition(long memberId, String paperId, boolean up) {
        if (papers.find(paperId).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(db.inTransaction(h -> {
            boolean changed = up ? votes.insert(h, memberId, paperId, now) : votes.delete(h, memberId, paperId);
            if (!changed) {
                return new VoteState(paperId, votes.upvotes(h, paperId), up, false);
            }
            votes.lockTotal(h, paperId);
            ChangeSequence.next(h, ChangeSequence.paper(paperId));
            int upvotes = votes.recount(h, paperId);
            return new VoteState(paperId, upvotes, up, changed);
        }));
    }

    /** Where the member stands on one paper, without changing anything. */
    public VoteState state(long memberId, String paperId) {
        return db.withHandle(h -> votes.state(h, memberId, paperId));
    }

    /** A paper's upvotes as shown: those its shown listing entries brought from their sources plus members'. */
    public int upvotes(String paperId) {
        return db.withHandle(h -> votes.upvotes(h, paperId));
    }

    /** The shown upvotes of each of {@code paperIds}, in one read; papers with none are missing (0). */
    public Map<String, Integer> upvotes(Collection<String> paperIds) {
        return db.withHandle(h -> votes.upvotes(h, paperIds));
    }

    /** The {@code limit} most upvoted papers and their upvotes, most first: what search orders by. */
    public Map<String, Integer> mostUpvoted(int limit) {
        return db.withHandle(h -> votes.listMostUpvoted(h, limit));
    }

    /**
     * Recounts the shown upvotes of {@code paperIds} inside the caller's transaction, after their
     * listing entries changed (an import, a submission, a curator unfeaturing one). The caller must
     * hold their totals' locks first ({@link #lockTotals}): that orders it with concurrent votes.
     */
    public void recount(org.jdbi.v3.core.Handle handle, Collection<String> paperIds) {
        votes.recount(handle, paperIds);
    }

    /** Holds the upvote totals of {@code paperIds} until the caller's transaction ends (see above). */
    public void lockTotals(org.jdbi.v3.core.Handle handle, Collection<String> paperIds) {
        votes.lockTotals(handle, paperIds);
    }

    /** Of {@code paperIds}, those the member has upvoted. */
    public Set<String> upvotedBy(long memberId, Collection<String> paperIds) {
        return db.withHandle(h -> votes.upvotedBy(h, memberId, paperIds));
    }

    /** The papers upvoted at or after {@code since}: trending's candidates beside the newly featured. */
    public Set<String> votedSince(Instant since) {
        return db.withHandle(h -> votes.votedSince(h, since));
    }

    /** Every vote on {@code paperIds} with when it was cast: what the trending score decays. */
    public List<CastVote> castOn(Collection<String> paperIds) {
        return db.withHandle(h -> votes.castOn(h, paperIds));
    }

    /** Every paper the member has upvoted, newest vote first: their profile, and what "for you" learns from. */
    public List<String> upvotedPaperIds(long memberId) {
        return db.withHandle(h -> votes.upvotedPaperIds(h, memberId));
    }
}
