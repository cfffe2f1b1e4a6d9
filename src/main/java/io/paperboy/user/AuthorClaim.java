package io.paperboy.user;

import java.time.Instant;

/**
 * A member's claim that {@code authorName} on paper {@code paperId} is them; {@code decidedAt} is
 * null while it is pending.
 */
public record AuthorClaim(
        long id,
        String paperId,
        String authorName,
        long userId,
        String userName,
        String userDisplayName,
        ClaimStatus status,
        Instant createdAt,
        Instant decidedAt) {

    public boolean approved() {
        return status == ClaimStatus.APPROVED;
    }
}
