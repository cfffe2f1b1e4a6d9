package io.paperboy.search;

import io.paperboy.search.SearchQuery.Clause;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a {@code field:value} pair of the search language into a clause, with a precise error. */
final class FieldClauses {
    static final Set<String> FIELDS = Set.of("author", "authors", "cat", "category", "year", "date");

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern RANGE = Pattern.compile("([^.]*)\\.\\.([^.]*)");

    private FieldClauses() {}

    static Clause clause(String field, String value) throws InvalidQueryException {
        if (value.isBlank()) {
            throw new InvalidQueryException(field + ": needs a value, e.g. author:\"Yann LeCun\", cat:cs.CL, "
                    + "year:2024 or date:2024-01-01..2024-06-30");
        }
        return switch (field) {
            case "author", "authors" -> new SearchQuery.Author(value);
            case "cat", "category" -> new SearchQuery.Category(value.toLowerCase(Locale.ROOT));
            case "year" -> years(value);
            default -> dates(value);
        };
    }

    private static Clause years(String value) throws InvalidQueryException {
        Matcher range = RANGE.matcher(value);
        String from = range.matches() ? range.group(1) : value;
        String to = range.matches() ? range.group(2) : value;
        if ((!from.isEmpty() && !YEAR.matcher(from).matches())
                || (!to.isEmpty() && !YEAR.matcher(to).matches())
                || (from.isEmpty() && to.isEmpty())) {
            throw new InvalidQueryException(
                    "year must be a year like 2024 or a range like 2020..2024, got '" + shorten(value) + "'");
        }
        LocalDate start = from.isEmpty() ? LocalDate.MIN : LocalDate.of(Integer.parseInt(from), 1, 1);
        LocalDate end = to.isEmpty() ? LocalDate.MAX : LocalDate.of(Integer.parseInt(to), 12, 31);
        return ordered(start, end, value);
    }

    private static Clause dates(String value) throws InvalidQueryException {
        Matcher range = RANGE.matcher(value);
        if (!range.matches()) {
            return ordered(start(value, value), end(value, value), value);
        }
        if (range.group(1).isEmpty() && range.group(2).isEmpty()) {
            throw dateError(value);
        }
        LocalDate start = range.group(1).isEmpty() ? LocalDate.MIN : start(range.group(1), value);
        LocalDate end = range.group(2).isEmpty() ? LocalDate.MAX : end(range.group(2), value);
        return ordered(start, end, value);
    }

    /** The first day a date, month or year covers. */
    private static LocalDate start(String text, String whole) throws InvalidQueryException {
        try {
            if (DAY.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (MONTH.matcher(text).matches()) {
                return YearMonth.parse(text).atDay(1);
            }
            if (YEAR.matcher(text).matches()) {
                return LocalDate.of(Integer.parseInt(text), 1, 1);
            }
        } catch (DateTimeParseException e) {
            throw dateError(whole);
        }
        throw dateError(whole);
    }

    /** The last day a date, month or year covers. */
    private static LocalDate end(String text, String whole) throws InvalidQueryException {
        LocalDate start = start(text, whole);
        if (MONTH.matcher(text).matches()) {
            return YearMonth.from(start).atEndOfMonth();
        }
        return YEAR.matcher(text).matches() ? LocalDate.of(start.getYear(), 12, 31) : start;
    }

    private static Clause ordered(LocalDate from, LocalDate to, String value) throws InvalidQueryException {
        if (from.isAfter(to)) {
            throw new InvalidQueryException("date range '" + shorten(value) + "' ends before it starts");
        }
        return new SearchQuery.Published(from, to);
    }

    private static InvalidQueryException dateError(String value) {
        return new InvalidQueryException("date must be YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM..TO "
                + "(e.g. 2024-01-01..2024-06-30, 2024-03.., ..2023), got '" + shorten(value) + "'");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
