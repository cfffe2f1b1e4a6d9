package io.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * One digest's period for one subscriber. Periods are anchored at the subscriber's hour: a daily
 * period runs from day D at hour H (local) to D+1 at H, a weekly one from Monday at H to the next
 * Monday at H. The digest of a period is due from its start until its end, so a node that was
 * down at the hour sends late rather than never, and the outbox's unique key (subscription,
 * {@link #key}) makes sure it is sent once.
 *
 * <p>The digest covers the day (or ISO week) before the period's first day: listings featured and
 * papers published then.
 *
 * @param key {@code daily:2026-11-30} or {@code weekly:2026-W49}, the outbox's period key
 * @param start when the period began (its digest became due)
 * @param from first day covered, @param to last day covered (both included)
 */
public record DigestPeriod(Frequency frequency, String key, Instant start, LocalDate from, LocalDate to) {

    /** The period of a subscription with {@code frequency} at {@code hour} in {@code zone} that contains {@code now}. */
    public static DigestPeriod containing(Frequency frequency, int hour, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (frequency == Frequency.DAILY) {
            LocalDate first = local.getHour() >= hour ? day : day.minusDays(1);
            return daily(first, hour, zone);
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (day.equals(monday) && local.getHour() < hour) {
            monday = monday.minusWeeks(1);
        }
        return weekly(monday, hour, zone);
    }

    /** The period an outbox key names, for a subscription at {@code hour} in {@code zone}. */
    static DigestPeriod of(String key, int hour, ZoneId zone) {
        if (key.startsWith("daily:")) {
            return daily(LocalDate.parse(key.substring(6)), hour, zone);
        }
        if (key.startsWith("weekly:")) {
            String week = key.substring(7);
            LocalDate monday = LocalDate.of(Integer.parseInt(week.substring(0, 4)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.substring(6)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return weekly(monday, hour, zone);
        }
        throw new IllegalArgumentException("not a digest period key: " + key);
    }

    static DigestPeriod daily(LocalDate day, int hour, ZoneId zone) {
        LocalDate covered = day.minusDays(1);
        return new DigestPeriod(Frequency.DAILY, "daily:" + day, startOf(day, hour, zone), covered, covered);
    }

    static DigestPeriod weekly(LocalDate monday, int hour, ZoneId zone) {
        String key = String.format(
                "weekly:%d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new DigestPeriod(
                Frequency.WEEKLY, key, startOf(monday, hour, zone), monday.minusWeeks(1), monday.minusDays(1));
    }

    // A local hour skipped by a daylight-saving jump resolves to the first instant after it.
    private static Instant startOf(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    /** "Monday, November 30, 2026" or "the week of November 23, 2026", for subjects and headings. */
    public String title() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
        return frequency == Frequency.DAILY
                ? to.format(day)
                : "the week of " + from.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
    }
}
