package io.paperboy.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.db.Database;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class DailyJobTest {
    @TempDir
    Path dir;

    @Test
    void nextRun_isTodayBeforeTheHourAndTomorrowAfterIt() {
        ZonedDateTime morning = ZonedDateTime.of(2026, 11, 29, 1, 30, 0, 0, ZoneOffset.UTC);
        ZonedDateTime evening = ZonedDateTime.of(2026, 11, 29, 22, 0, 0, 0, ZoneOffset.UTC);

        assertThat(DailyJob.nextRun(morning, 3)).isEqualTo(ZonedDateTime.of(2026, 11, 29, 3, 0, 0, 0, ZoneOffset.UTC));
        assertThat(DailyJob.nextRun(evening, 3)).isEqualTo(ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, ZoneOffset.UTC));
        assertThat(DailyJob.nextRun(ZonedDateTime.of(2026, 11, 29, 3, 0, 0, 0, ZoneOffset.UTC), 3))
                .as("exactly at the hour: the run just started, the next is tomorrow")
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void anHourOutsideTheDay_isRejected() {
        assertThatThrownBy(() -> new DailyJob("harvest", 24, () -> "", null, "n", Clock.systemUTC()))
                .hasMessage("the hour of harvest must be 0 to 23 (UTC), not 24");
    }

    /** Two nodes on one store wake up for the same day: the task runs once, and its outcome is kept. */
    @ParameterizedTest
    @EnumSource(TestStore.class)
    void twoNodes_runEachDaysRunOnce(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            AtomicInteger ran = new AtomicInteger();
            JobRuns runs = new JobRuns(db);
            try (DailyJob first = new DailyJob(
                            "harvest", 3, () -> "stored " + ran.incrementAndGet(), runs, "node-a", Clock.systemUTC());
                    DailyJob second = new DailyJob(
                            "harvest", 3, () -> "stored " + ran.incrementAndGet(), runs, "node-b", Clock.systemUTC())) {
                LocalDate day = LocalDate.of(2026, 11, 30);

                assertThat(first.runFor(day)).isTrue();
                assertThat(second.runFor(day)).isFalse();
                assertThat(second.runFor(day.plusDays(1))).isTrue();
            }
            assertThat(ran).hasValue(2);
            JobRuns.Run latest = runs.latest("harvest").orElseThrow();
            assertThat(latest.outcome()).isEqualTo("stored 2");
            assertThat(latest.finishedAt()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aFailingTask_recordsItsReason(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            JobRuns runs = new JobRuns(db);
            try (DailyJob job = new DailyJob(
                    "harvest",
                    3,
                    () -> {
                        throw new IllegalStateException("arXiv answered 503 five times");
                    },
                    runs,
                    "node-a",
                    Clock.systemUTC())) {
                job.runFor(LocalDate.of(2026, 11, 30));
            }
            assertThat(runs.latest("harvest").orElseThrow().outcome())
                    .isEqualTo("failed: arXiv answered 503 five times");
        }
    }
}
