package io.paperboy.vote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: ISO-8601 in whole seconds, so that text order is time order in SQL. */
final class Times {
    private Times() {}

    static String stamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
