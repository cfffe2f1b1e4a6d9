package io.paperboy.digest;

import java.util.Locale;

/** How often a subscriber gets a digest. */
public enum Frequency {
    DAILY,
    WEEKLY;

    /** The stored and typed form: {@code daily}, {@code weekly}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code daily} or {@code weekly}; anything else is an IllegalArgumentException saying so. */
    public static Frequency of(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            default -> throw new IllegalArgumentException("must be daily or weekly");
        };
    }
}
