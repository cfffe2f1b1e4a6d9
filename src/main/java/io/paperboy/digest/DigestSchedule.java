package io.paperboy.digest;

import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.jobs.JobRuns;
import io.paperboy.jobs.StoreOutage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests on a schedule, for {@code serve}. Every {@value #TICK_MINUTES} minutes each node wakes
 * up; the first tick of each hour that a node claims in {@link JobRuns} queues what is due (once
 * across a cluster), and every tick on every node delivers what is pending (rows are claimed one
 * by one, so nodes never send the same mail). A period stays due until it ends, so a tick lost to
 * a crash or a restart is caught up by the next one.
 *
 * <p>While the store cannot be reached a tick says so once and tries again with backoff (a few
 * seconds apart) instead of waiting five minutes; an hour it claimed before the store went away is
 * queued and recorded when the store answers again.
 */
public final class DigestSchedule implements AutoCloseable {
    static final String JOB = "digest";
    static final long TICK_MINUTES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);
    private static final Duration TICK = Duration.ofMinutes(TICK_MINUTES);

    private final DigestService digests;
    private final JobRuns runs;
    private final String node;
    private final Clock clock;
    // The hour this node claimed whose queueing has not been recorded yet (the store went away meanwhile).
    private String unfinishedHour;
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(30));

    public DigestSchedule(DigestService digests, JobRuns runs, String node, Clock clock) {
        this.digests = digests;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    public DigestSchedule start() {
        // Ticks fall on the clock's five-minute marks; a tick that meets a store outage is tried again with backoff.
        loop.start(
                "job-digest",
                new StoreOutage("digest schedule", LOG),
                () -> Duration.ofMillis(TICK.toMillis() - clock.millis() % TICK.toMillis()),
                RETRY_INTERVAL,
                () -> {
                    DigestService.RunReport report = tick(clock.instant());
                    if (report.due() + report.sent() + report.retrying() + report.failed() > 0) {
                        LOG.info("digest: {}", report.summary());
                    }
                },
                e -> LOG.error("digest tick failed", e));
        return this;
    }

    /** One tick at {@code now}; returns what it did. */
    synchronized DigestService.RunReport tick(Instant now) {
        if (unfinishedHour == null) {
            String hour = now.truncatedTo(ChronoUnit.HOURS).toString();
            if (!runs.claim(JOB, hour, node)) {
                return digests.deliver(now);
            }
            unfinishedHour = hour;
        }
        DigestService.RunReport report;
        try {
            report = digests.run(now, null);
        } catch (RuntimeException e) {
            if (!StoreOutage.isOutage(e)) {
                runs.finish(JOB, unfinishedHour, "failed: " + e.getMessage());
                unfinishedHour = null;
            }
            throw e;
        }
        runs.finish(JOB, unfinishedHour, report.summary());
        unfinishedHour = null;
        return report;
    }

    @Override
    public void close() {
        loop.close();
    }
}
