package io.paperboy.user;

import io.paperboy.web.Member;
import io.paperboy.web.Role;
import java.time.Instant;

/** A member's account as stored; {@code verifiedAt} is null until the email address is confirmed. */
public record Account(
        long id,
        String email,
        String name,
        String displayName,
        String passwordHash,
        Role role,
        Instant verifiedAt,
        Instant createdAt) {

    public boolean verified() {
        return verifiedAt != null;
    }

    public Member member() {
        return new Member(id, name, displayName, role, verified());
    }
}
