package io.paperboy.listing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day, an ISO week or a month of listings, written as in Hugging Face's URLs:
 * {@code 2024-05-14}, {@code 2024-W20}, {@code 2024-05}.
 */
public record Period(Kind kind, LocalDate start, LocalDate end) {
    /** The three lengths of listing. */
    public enum Kind {
        DAY,
        WEEK,
        MONTH
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final int MAX_TEXT = 32;

    public static Period day(LocalDate day) {
        return new Period(Kind.DAY, day, day);
    }

    public static Period weekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(Kind.WEEK, monday, monday.plusDays(6));
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /** Parses {@code text} as a period of {@code kind}; the message says what was expected. */
    public static Period parse(Kind kind, String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a " + name(kind) + " is at most " + MAX_TEXT + " characters");
        }
        return switch (kind) {
            case DAY -> day(parseDay(value));
            case WEEK -> parseWeek(value);
            case MONTH -> month(parseMonth(value));
        };
    }

    public Period previous() {
        return shift(-1);
    }

    public Period next() {
        return shift(1);
    }

    /** The period of this one's kind that holds {@code day}. */
    public Period sameKindAs(LocalDate day) {
        return switch (kind) {
            case DAY -> day(day);
            case WEEK -> weekOf(day);
            case MONTH -> month(YearMonth.from(day));
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The form used in URLs and the API: {@code 2024-05-14}, {@code 2024-W20}, {@code 2024-05}. */
    public String key() {
        return switch (kind) {
            case DAY -> start.toString();
            case WEEK ->
                String.format(
                        "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    /** A heading for people: "Tuesday, May 14, 2024", "Week 20 of 2024", "May 2024". */
    public String title() {
        return switch (kind) {
            case DAY -> start.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH));
            case WEEK ->
                String.format(
                        "Week %d of %d",
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), start.get(IsoFields.WEEK_BASED_YEAR));
            case MONTH -> start.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        };
    }

    /** The URL path of this period's page. */
    public String path() {
        return "/papers/" + kind.name().toLowerCase(Locale.ROOT).replace("day", "date") + "/" + key();
    }

    private Period shift(int steps) {
        return switch (kind) {
            case DAY -> day(start.plusDays(steps));
            case WEEK -> weekOf(start.plusWeeks(steps));
            case MONTH -> month(YearMonth.from(start).plusMonths(steps));
        };
    }

    private static LocalDate parseDay(String value) {
        Matcher m = DAY.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + printable(value) + "' is not a date: expected YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a real date");
        }
    }

    private static Period parseWeek(String value) {
        Matcher m = WEEK.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + printable(value) + "' is not a week: expected YYYY-Www, e.g. 2024-W05");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate probe = LocalDate.of(year, 6, 1);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(
                    "week " + week + " does not exist in " + year + " (it has " + weeks + ")");
        }
        return weekOf(probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    private static YearMonth parseMonth(String value) {
        Matcher m = MONTH.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + printable(value) + "' is not a month: expected YYYY-MM");
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month + " does not exist");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), month);
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    // Echoing user input back: control characters become visible escapes, never raw bytes.
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_TEXT).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
