package io.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When each subscriber's digest is due, and which days it covers. */
final class DigestPeriodTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void daily_beforeTheHour_isStillYesterdaysPeriod_fromTheHour_todays() {
        DigestPeriod before = DigestPeriod.containing(Frequency.DAILY, 8, PARIS, Instant.parse("2026-11-30T06:59:00Z"));
        DigestPeriod at = DigestPeriod.containing(Frequency.DAILY, 8, PARIS, Instant.parse("2026-11-30T07:00:00Z"));

        assertThat(before.key()).isEqualTo("daily:2026-11-29");
        assertThat(at.key()).isEqualTo("daily:2026-11-30");
        assertThat(at.start()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(at.from()).isEqualTo(LocalDate.parse("2026-11-29")).isEqualTo(at.to());
    }

    @Test
    void theHourIsLocal_soTheSameInstantIsADifferentDayInAnotherZone() {
        Instant instant = Instant.parse("2026-11-30T23:30:00Z");

        assertThat(DigestPeriod.containing(Frequency.DAILY, 8, ZoneOffset.UTC, instant)
                        .key())
                .isEqualTo("daily:2026-11-30");
        assertThat(DigestPeriod.containing(Frequency.DAILY, 8, ZoneId.of("Pacific/Auckland"), instant)
                        .key())
                .isEqualTo("daily:2026-12-01");
    }

    @Test
    void weekly_startsMondayAtTheHour_andCoversThePreviousMondayToSunday() {
        DigestPeriod sundayNight =
                DigestPeriod.containing(Frequency.WEEKLY, 8, ZoneOffset.UTC, Instant.parse("2026-11-29T23:00:00Z"));
        DigestPeriod mondayEarly =
                DigestPeriod.containing(Frequency.WEEKLY, 8, ZoneOffset.UTC, Instant.parse("2026-11-30T07:59:00Z"));
        DigestPeriod monday =
                DigestPeriod.containing(Frequency.WEEKLY, 8, ZoneOffset.UTC, Instant.parse("2026-11-30T08:00:00Z"));
        DigestPeriod friday =
                DigestPeriod.containing(Frequency.WEEKLY, 8, ZoneOffset.UTC, Instant.parse("2026-12-04T12:00:00Z"));

        assertThat(sundayNight.key()).isEqualTo("weekly:2026-W48").isEqualTo(mondayEarly.key());
        assertThat(monday.key()).isEqualTo("weekly:2026-W49").isEqualTo(friday.key());
        assertThat(monday.from()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(monday.to()).isEqualTo(LocalDate.parse("2026-11-29"));
    }

    @Test
    void anHourSkippedByDaylightSaving_startsThePeriodAtTheFirstInstantAfterIt() {
        // Europe/Paris jumps from 02:00 to 03:00 on 2026-03-29.
        DigestPeriod period = DigestPeriod.daily(LocalDate.parse("2026-03-29"), 2, PARIS);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void anOutboxKey_namesTheSamePeriodAgain() {
        for (Frequency frequency : Frequency.values()) {
            DigestPeriod period = DigestPeriod.containing(frequency, 6, PARIS, Instant.parse("2027-01-04T09:00:00Z"));
            assertThat(DigestPeriod.of(period.key(), 6, PARIS)).isEqualTo(period);
        }
    }

    @Test
    void aSubscriptionConfirmedAfterThePeriodBegan_waitsForTheNextOne() {
        Subscription s = new Subscription(
                1,
                "a@example.org",
                null,
                Frequency.DAILY,
                8,
                ZoneOffset.UTC,
                Subscription.Status.ACTIVE,
                Interests.NONE,
                Instant.parse("2026-11-30T09:00:00Z"),
                0);

        assertThat(s.due(Instant.parse("2026-11-30T10:00:00Z"))).isNull();
        assertThat(s.due(Instant.parse("2026-12-01T08:00:00Z")).key()).isEqualTo("daily:2026-12-01");
    }
}
