package io.paperboy.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How a moment reads on a page: to the minute, in UTC, said so ("2026-12-05 18:40 UTC"). Pages
 * show it inside {@code <time datetime>} with the exact instant, so nothing is lost; the raw ISO
 * form with nanoseconds is for machines, not for the moderator reading a log.
 */
public final class Moments {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Moments() {}

    public static String readable(Instant at) {
        return MINUTE.format(at);
    }
}
