package io.paperboy.digest;

import static io.paperboy.digest.DigestFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.jobs.JobRuns;
import io.paperboy.testing.MailServer;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's ticks: the hour's queueing is claimed once across nodes; every tick delivers. */
final class DigestScheduleTest {
    @TempDir
    Path dir;

    @Test
    void twoNodesTickingTheSameHour_queueOnce_andTheDigestGoesOutOnce() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber("ada@example.org", Frequency.DAILY, DigestFixture.FOLLOWS);
            DigestSchedule nodeA =
                    new DigestSchedule(f.digests(smtp.mailer()), new JobRuns(f.db), "a", Clock.systemUTC());
            DigestSchedule nodeB =
                    new DigestSchedule(f.digests(smtp.mailer()), new JobRuns(f.db), "b", Clock.systemUTC());

            DigestService.RunReport a = nodeA.tick(MONDAY);
            DigestService.RunReport b = nodeB.tick(MONDAY.plus(Duration.ofMinutes(5)));

            assertThat(a.queued()).isEqualTo(1);
            assertThat(a.sent()).isEqualTo(1);
            assertThat(b.due())
                    .as("node b lost the hour's claim, so it only delivered")
                    .isZero();
            assertThat(b.sent()).isZero();
            assertThat(smtp.received()).hasSize(1);
            assertThat(new JobRuns(f.db)
                            .latest(DigestSchedule.JOB)
                            .orElseThrow()
                            .outcome())
                    .contains("1 sent");
        }
    }

    @Test
    void aTickLostToADownedNode_isCaughtUpByALaterHourOfThePeriod() throws Exception {
        try (DigestFixture f = new DigestFixture(TestStore.SQLITE, dir);
                MailServer smtp = new MailServer()) {
            f.subscriber("ada@example.org", Frequency.DAILY, DigestFixture.FOLLOWS);
            DigestSchedule node =
                    new DigestSchedule(f.digests(smtp.mailer()), new JobRuns(f.db), "a", Clock.systemUTC());

            DigestService.RunReport late = node.tick(MONDAY.plus(Duration.ofHours(9)));

            assertThat(late.sent()).isEqualTo(1);
            assertThat(MailServer.text(smtp.received().getFirst())).contains("Sunday, November 29, 2026");
        }
    }
}
