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
            int upvotes = changed ? votes.recount(h, paperId) : votes.upvotes(h, paperId);
            return new VoteState(paperId, upvotes, up, changed);
        }));
    }

    /** Where the member stands on one paper, without changing anything. */
    public VoteState state(long memberId, String paperId) {
        return db.withHandle(h -> new VoteState(paperId, votes.upvotes(h, paperId), votes.exists(h, memberId, paperId), false));
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
     * have reserved a change number first: that lock orders it with concurrent votes (see above).
     */
    public void recount(org.jdbi.v3.core.Handle handle, Collection<String> paperIds) {
        votes.recount(handle, paperIds);
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
