package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JDBI binds and reads Instant and LocalDate as the store keeps them: fixed-width text, on both stores. */
final class TimestampsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void instantsAndDays_bound_areStoredAsFixedWidthText_andReadBack(TestStore kind) {
        Instant withNanos = Instant.parse("2026-11-29T13:00:00.123456789Z");
        try (Database db = kind.open(dir)) {
            db.useTransaction(h -> h.createUpdate("INSERT INTO job_runs (job, run_key, node, claimed_at, finished_at) "
                            + "VALUES ('j', :day, 'n', :at, :none)")
                    .bind("day", LocalDate.of(2026, 11, 29))
                    .bind("at", withNanos)
                    .bind("none", (Instant) null)
                    .execute());

            String text = db.withHandle(h -> h.createQuery("SELECT claimed_at FROM job_runs")
                    .mapTo(String.class)
                    .one());
            Instant read = db.withHandle(h -> h.createQuery("SELECT claimed_at FROM job_runs")
                    .mapTo(Instant.class)
                    .one());
            LocalDate day = db.withHandle(h -> h.createQuery("SELECT run_key FROM job_runs")
                    .mapTo(LocalDate.class)
                    .one());
            java.util.Optional<Instant> none = db.withHandle(h -> h.createQuery("SELECT finished_at FROM job_runs")
                    .mapTo(Instant.class)
                    .findOne());

            assertThat(text).isEqualTo("2026-11-29T13:00:00Z");
            assertThat(read).isEqualTo(Instant.parse("2026-11-29T13:00:00Z"));
            assertThat(day).isEqualTo(LocalDate.of(2026, 11, 29));
            assertThat(none).isEmpty();
        }
    }
}
