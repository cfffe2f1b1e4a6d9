package io.paperboy.user;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Author claims: a verified member claims one author name on a paper (one claim per member per
 * paper), a curator approves or rejects it. An author name has at most one approved claimant per
 * paper (a partial unique index holds that even against a race).
 */
public final class Claims {
    /** Most claims a profile or the curators' queue shows at once. */
    public static final int MAX_LISTED = 200;

    private final Database db;
    private final PaperService papers;
    private final Clock clock;
    private final ClaimRepository claims = new ClaimRepository();

    public Claims(Database db, PaperService papers, Clock clock) {
        this.db = db;
        this.papers = papers;
        this.clock = clock;
    }

    /** Records a pending claim of {@code rawAuthor} on the paper by {@code member}; refuses with the reason. */
    public AuthorClaim claim(Member member, String rawPaperId, String rawAuthor) {
        String paperId = rawPaperId == null ? "" : rawPaperId.strip();
        Paper paper =
                papers.find(paperId).orElseThrow(() -> InvalidForm.of("paper", "no paper with id '" + paperId + "'"));
        String author = rawAuthor == null ? "" : rawAuthor.strip();
        if (!paper.authors().contains(author)) {
            throw InvalidForm.of("author", "choose one of this paper's authors: " + String.join(", ", paper.authors()));
        }
        return db.inTransaction(h -> {
            // First: concurrent claims and decisions take turns, so the checks below see each other.
            io.paperboy.db.KeyLocks.hold(h, "claims");
            ChangeSequence.next(h, ChangeSequence.paper(paperId));
            claims.findOfMemberOnPaper(h, member.id(), paperId).ifPresent(mine -> {
                throw InvalidForm.of(
                        "author",
                        "you already claimed '" + mine.authorName() + "' on this paper ("
                                + mine.status().key() + "); a member claims one author name per paper");
            });
            claims.findApproved(h, paperId, author).ifPresent(theirs -> {
                throw InvalidForm.of(
                        "author", "'" + author + "' on this paper is already claimed by " + theirs.userName());
            });
            return claims.find(h, claims.insert(h, paperId, author, member.id(), clock.instant()))
                    .orElseThrow();
        });
    }

    public Optional<AuthorClaim> find(long id) {
        return db.withHandle(h -> claims.find(h, id));
    }

    /** Claims waiting for a curator, oldest first. */
    public List<AuthorClaim> pending() {
        return db.withHandle(h -> claims.listPending(h, MAX_LISTED));
    }

    /** A paper's approved claims as author name → member name, in claim order. */
    public Map<String, String> approvedAuthors(String paperId) {
        Map<String, String> byAuthor = new LinkedHashMap<>();
        db.withHandle(h -> claims.listApprovedOnPaper(h, paperId))
                .forEach(c -> byAuthor.put(c.authorName(), c.userName()));
        return byAuthor;
    }

    /** A member's claims in every state, newest first. */
    public List<AuthorClaim> of(long userId) {
        return db.withHandle(h -> claims.listOfMember(h, userId, MAX_LISTED));
    }

    /**
     * Approves or rejects a pending claim inside the caller's transaction (which records who
     * decided); empty when there is no such claim, refused when it is decided already or, to
     * approve, when another member holds the approved claim on that name, or when the claimant is
     * the one deciding (separation of duties: a curator's own claim needs another curator or an
     * admin; rejecting it, which only withdraws it, is allowed).
     */
    public Optional<AuthorClaim> decide(Handle h, long claimId, boolean approve, long deciderId) {
        io.paperboy.db.KeyLocks.hold(h, "claims"); // first, as in claim(): decisions take turns
        ChangeSequence.next(h, ChangeSequence.EVERYTHING); // pages showing claims refresh (paper pages, profiles)
        Optional<AuthorClaim> found = claims.find(h, claimId);
        found.ifPresent(claim -> {
            if (claim.status() != ClaimStatus.PENDING) {
                throw InvalidForm.of(
                        "claim",
                        "claim " + claimId + " was already " + claim.status().key());
            }
            if (approve && claim.userId() == deciderId) {
                throw InvalidForm.of("claim", "you cannot approve your own claim: another curator or an admin must");
            }
            if (approve) {
                claims.findApproved(h, claim.paperId(), claim.authorName()).ifPresent(theirs -> {
                    throw InvalidForm.of(
                            "claim",
                            "'" + claim.authorName() + "' on " + claim.paperId() + " is already claimed by "
                                    + theirs.userName() + ": reject this claim");
                });
            }
            claims.updateDecision(h, claimId, approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, clock.instant());
        });
        return found.flatMap(c -> claims.find(h, claimId));
    }
}
