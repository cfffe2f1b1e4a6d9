package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PeriodTest {
    @Test
    void day_hasItsKeyTitleAndNeighbours() {
        Period day = Period.parse(Period.Kind.DAY, "2024-02-29");

        assertThat(day.key()).isEqualTo("2024-02-29");
        assertThat(day.title()).isEqualTo("Thursday, February 29, 2024");
        assertThat(day.path()).isEqualTo("/papers/date/2024-02-29");
        assertThat(day.next().key()).isEqualTo("2024-03-01");
        assertThat(day.previous().key()).isEqualTo("2024-02-28");
    }

    @Test
    void isoWeek_runsMondayToSundayAcrossTheYearBoundary() {
        Period week = Period.parse(Period.Kind.WEEK, "2025-W01");

        assertThat(week.start()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(week.end()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(week.previous().key()).isEqualTo("2024-W52");
        assertThat(week.path()).isEqualTo("/papers/week/2025-W01");
    }

    @Test
    void month_coversAllItsDays() {
        Period month = Period.parse(Period.Kind.MONTH, "2024-02");

        assertThat(month.start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(month.end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(month.next().key()).isEqualTo("2024-03");
        assertThat(month.title()).isEqualTo("February 2024");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DAY|2024-13-45|'2024-13-45' is not a real date",
                "DAY|2023-02-29|'2023-02-29' is not a real date",
                "DAY|yesterday|'yesterday' is not a date: expected YYYY-MM-DD",
                "WEEK|9999-W99|week 99 does not exist in 9999 (it has 52)",
                "WEEK|2024-W00|week 0 does not exist in 2024 (it has 52)",
                "WEEK|2024-5|'2024-5' is not a week: expected YYYY-Www, e.g. 2024-W05",
                "MONTH|2024-13|month 13 does not exist",
                "MONTH|2024-1|'2024-1' is not a month: expected YYYY-MM"
            })
    void malformedPeriods_sayWhy(Period.Kind kind, String text, String message) {
        assertThatThrownBy(() -> Period.parse(kind, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void controlCharacters_areEscapedInTheMessage() {
        assertThatThrownBy(() -> Period.parse(Period.Kind.DAY, "20\u000124"))
                .hasMessage("'20\\u000124' is not a date: expected YYYY-MM-DD");
    }

    @Test
    void longInput_isRejectedBeforeParsing() {
        assertThatThrownBy(() -> Period.parse(Period.Kind.MONTH, "9".repeat(10_000)))
                .hasMessage("a month is at most 32 characters");
    }
}
