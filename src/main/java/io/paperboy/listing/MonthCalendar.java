package io.paperboy.listing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month as a calendar grid, Monday first, that links each day with featured papers and marks
 * the days of the period on show: the date picker of the listing pages, plain links, so it works
 * without JavaScript.
 *
 * @param weeks rows of seven days; days of the neighbouring months are null
 * @param previous the nearest earlier month with papers (null: none)
 * @param next the nearest later month with papers (null: none)
 */
public record MonthCalendar(YearMonth month, List<List<Day>> weeks, Period previous, Period next) {
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    /** One day of the grid: how many papers it features, and whether it is part of the period on show. */
    public record Day(LocalDate date, int papers, boolean shown) {
        public String href() {
            return Period.day(date).path();
        }

        /** What a screen reader and a tooltip say: "Friday, June 12: 30 papers". */
        public String label() {
            return date.format(LONG) + ": "
                    + (papers == 0 ? "no papers" : papers == 1 ? "1 paper" : papers + " papers");
        }
    }

    public MonthCalendar {
        weeks = weeks.stream()
                .map(w -> java.util.Collections.unmodifiableList(new ArrayList<>(w)))
                .toList();
    }

    /** The grid of {@code month}, with {@code papersPerDay} and the days {@code shown} marked. */
    static MonthCalendar of(
            YearMonth month, Map<LocalDate, Integer> papersPerDay, Period shown, Period previous, Period next) {
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(
                        YearMonth.from(day).equals(month)
                                ? new Day(
                                        day,
                                        papersPerDay.getOrDefault(day, 0),
                                        shown.kind() != Period.Kind.MONTH && shown.contains(day))
                                : null);
            }
            weeks.add(week);
        }
        return new MonthCalendar(month, weeks, previous, next);
    }

    public String title() {
        return month.format(TITLE);
    }

    public String path() {
        return Period.month(month).path();
    }
}
