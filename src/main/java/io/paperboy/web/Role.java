package io.paperboy.web;

import java.util.Locale;

/** What a member may do: members contribute, curators moderate, admins also change roles. */
public enum Role {
    MEMBER,
    CURATOR,
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name stored in the database and typed on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "member", "curator" or "admin" (any case); anything else is an error naming the choices. */
    public static Role of(String key) {
        for (Role role : values()) {
            if (role.key().equalsIgnoreCase(key.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "': use member, curator or admin");
    }
}
