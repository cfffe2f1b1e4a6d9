package io.paperboy.user;

import java.util.Locale;

/** Where an author claim stands: waiting for a curator, or decided. */
public enum ClaimStatus {
    PENDING,
    APPROVED,
    REJECTED;

    /** The lower-case name stored in the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ClaimStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
