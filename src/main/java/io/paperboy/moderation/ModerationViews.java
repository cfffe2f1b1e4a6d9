package io.paperboy.moderation;

import io.paperboy.audit.ModerationEntry;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingEntryState;
import io.paperboy.paper.Paper;
import io.paperboy.user.Account;
import io.paperboy.user.AuthorClaim;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import java.util.List;

/** The models of the moderation pages, one per template under jte/moderation/. */
public final class ModerationViews {
    private ModerationViews() {}

    /** {@code /moderation}: what waits for a curator, and what curators took away (to restore). */
    public record Home(Page page, int pendingClaims, List<Paper> hidden, List<ListingEntry> unfeatured) {}

    /** {@code /moderation/papers/{id}}: one paper's visibility and listing entries. */
    public record PaperTools(Page page, Paper paper, boolean hidden, List<ListingEntryState> entries, String notice) {}

    /** {@code /moderation/claims}: author claims waiting for a decision, oldest first. */
    public record ClaimQueue(Page page, List<AuthorClaim> pending, String notice) {}

    /** {@code /moderation/members}: every member and their role (admins only). */
    public record Members(Page page, List<Account> members, String notice) {
        public List<Role> roles() {
            return List.of(Role.values());
        }
    }

    /** {@code /moderation/log}: a page of the audit log, newest first; {@code olderBefore} links the next page, or null. */
    public record Log(Page page, List<ModerationEntry> entries, Long olderBefore) {}
}
