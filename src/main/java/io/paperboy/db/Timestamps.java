package io.paperboy.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as every table stores them: ISO-8601 text in whole seconds ("2026-11-29T13:00:00Z"),
 * fixed width, so that text order is time order in SQL on SQLite and PostgreSQL alike. (An
 * Instant's own text drops or adds fractional digits, which breaks that order.)
 */
public final class Timestamps {
    private Timestamps() {}

    /** The stored text of {@code instant}; null stays null. */
    public static String stamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The instant a stored text names; null stays null. */
    public static Instant parse(String stamp) {
        return stamp == null ? null : Instant.parse(stamp);
    }
}
