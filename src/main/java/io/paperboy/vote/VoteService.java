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
 * <p>Each transition is one short transaction whose first statement reserves a change number.
 * That order is what keeps counts exact under concurrency: the change counter's row lock is held
 * until commit, so vote transactions run one after another; on PostgreSQL every later statement
 * of the transaction (READ COMMITTED) sees all votes committed before it, so the recount is exact;
 * on SQLite the first statement being a write means the transaction waits on the busy timeout for
 * the write lock instead of failing with SQLITE_BUSY when it would upgrade a stale read. The
 * change number also tells the page cache that anonymous pages showing the count are stale.
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
            ChangeSequence.reserve(h, 1);
            boolean changed = up ? votes.insert(h, memberId, paperId, now) : votes.delete(h, memberId, paperId);
            int count = changed ? votes.recount(h, paperId) : votes.count(h, paperId);
            return new VoteState(paperId, count, up, changed);
        }));
    }

    /** Where the member stands on one paper, without changing anything. */
    public VoteState state(long memberId, String paperId) {
        return db.withHandle(h -> new VoteState(paperId, votes.count(h, paperId), votes.exists(h, memberId, paperId), false));
    }

    /** Members' votes per paper; papers nobody upvoted are missing (count 0). */
    public Map<String, Integer> counts(Collection<String> paperIds) {
        return db.withHandle(h -> votes.counts(h, paperIds));
    }

    /** Members' votes of every paper that has any. */
    public Map<String, Integer> positiveCounts() {
        return db.withHandle(votes::positiveCounts);
    }

    public int count(String paperId) {
        return db.withHandle(h -> votes.count(h, paperId));
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
