package io.paperboy.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: ISO-8601 in whole seconds, so that text order is time order in SQL. */
final class Times {
    private Times() {}

    static String stamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant parse(String stamp) {
        return stamp == null ? null : Instant.parse(stamp);
    }
}
