package io.paperboy.user;

import io.paperboy.paper.Paper;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's public profile: who they are, the papers they are an approved author of, the papers
 * they submitted and upvoted; and, for the member themselves, their claims still open or refused.
 */
public record ProfileView(
        Page page,
        String name,
        String displayName,
        Role role,
        LocalDate memberSince,
        List<ClaimedPaper> claimed,
        List<Paper> submissions,
        List<Paper> upvoted,
        List<AuthorClaim> ownClaims,
        String notice) {

    /** A paper and the author name on it that is this member. */
    public record ClaimedPaper(Paper paper, String authorName) {}
}
