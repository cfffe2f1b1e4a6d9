package io.paperboy.moderation;

import io.paperboy.audit.ModerationEntry;
import io.paperboy.audit.ModerationLog;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.user.Account;
import io.paperboy.user.AccountService;
import io.paperboy.user.AuthorClaim;
import io.paperboy.user.Claims;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Curator and admin actions. Each runs in one transaction with its line in the audit log, and
 * only when it changes something: repeating an action (a double click) neither acts twice nor
 * logs twice. The features own their state; this class decides who did what, and writes it down.
 */
public final class ModerationService {
    public static final int MAX_REASON_CHARS = 500;

    private final Database db;
    private final PaperService papers;
    private final ListingService listings;
    private final Claims claims;
    private final AccountService accounts;
    private final ModerationLog log = new ModerationLog();

    public ModerationService(
            Database db, PaperService papers, ListingService listings, Claims claims, AccountService accounts) {
        this.db = db;
        this.papers = papers;
        this.listings = listings;
        this.claims = claims;
        this.accounts = accounts;
    }

    /** Hides a paper from the public, or shows it again; false when it already was so. */
    public boolean setPaperHidden(Member actor, String paperId, boolean hidden, String rawReason) {
        String reason = reason(rawReason);
        return db.inTransaction(h -> {
            boolean changed = papers.setHidden(h, paperId, hidden);
            if (changed) {
                log.record(h, actor, hidden ? "hide-paper" : "unhide-paper", "paper", paperId, reason);
            }
            return changed;
        });
    }

    /** Takes a listing entry off its day, or puts it back; false when it already was so. */
    public boolean setEntryFeatured(Member actor, String paperId, LocalDate day, boolean featured, String rawReason) {
        String reason = reason(rawReason);
        return db.inTransaction(h -> {
            boolean changed = listings.setFeatured(h, paperId, day, featured);
            if (changed) {
                log.record(
                        h,
                        actor,
                        featured ? "restore-entry" : "unfeature-entry",
                        "listing",
                        paperId + "@" + day,
                        reason);
            }
            return changed;
        });
    }

    /** Approves or rejects a pending author claim; empty when there is no such claim. */
    public Optional<AuthorClaim> decideClaim(Member actor, long claimId, boolean approve) {
        return db.inTransaction(h -> claims.decide(h, claimId, approve, actor.id())
                .map(c -> {
                    log.record(
                            h,
                            actor,
                            approve ? "approve-claim" : "reject-claim",
                            "claim",
                            Long.toString(claimId),
                            c.userName() + " as '" + c.authorName() + "' on " + c.paperId());
                    return c;
                }));
    }

    /** Gives a member a new role (admins only); the account as it was, empty when there is no such member. */
    public Optional<Account> changeRole(Member actor, String name, Role role) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            throw new IllegalStateException(
                    "only admins change roles; the route's guard should have refused " + actor.name());
        }
        return db.inTransaction(h -> accounts.changeRole(h, name, role).map(before -> {
            if (before.role() != role) {
                log.record(
                        h,
                        actor,
                        "set-role",
                        "user",
                        before.name(),
                        before.role().key() + " → " + role.key());
            }
            return before;
        }));
    }

    /** The newest {@code limit} log entries older than id {@code before} (Long.MAX_VALUE: the newest). */
    public List<ModerationEntry> log(long before, int limit) {
        return db.withHandle(h -> log.page(h, before, limit));
    }

    private static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip().replaceAll("\\p{Cntrl}", " ");
        if (reason.length() > MAX_REASON_CHARS) {
            throw InvalidForm.of(
                    "reason",
                    "keep the reason under " + MAX_REASON_CHARS + " characters (it has " + reason.length() + ")");
        }
        return reason;
    }
}
