package io.paperboy.digest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the digest tables store them: ISO-8601 in whole seconds, so text order is time order. */
final class Stamps {
    private Stamps() {}

    static String of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant parse(String stamp) {
        return stamp == null ? null : Instant.parse(stamp);
    }
}
