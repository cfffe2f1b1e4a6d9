package io.paperboy.digest;

import io.paperboy.jobs.JobRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests on a schedule, for {@code serve}. Every {@value #TICK_MINUTES} minutes each node wakes
 * up; the first tick of each hour that a node claims in {@link JobRuns} queues what is due (once
 * across a cluster), and every tick on every node delivers what is pending (rows are claimed one
 * by one, so nodes never send the same mail). A period stays due until it ends, so a tick lost to
 * a crash or a restart is caught up by the next one.
 */
public final class DigestSchedule implements AutoCloseable {
    static final String JOB = "digest";
    static final long TICK_MINUTES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestService digests;
    private final JobRuns runs;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-digest");
        t.setDaemon(true);
        return t;
    });

    public DigestSchedule(DigestService digests, JobRuns runs, String node, Clock clock) {
        this.digests = digests;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    public DigestSchedule start() {
        long period = TimeUnit.MINUTES.toMillis(TICK_MINUTES);
        long delay = period - clock.millis() % period;
        timer.scheduleAtFixedRate(this::safeTick, delay, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One tick at {@code now}; returns what it did. */
    DigestService.RunReport tick(Instant now) {
        String hour = now.truncatedTo(ChronoUnit.HOURS).toString();
        if (!runs.claim(JOB, hour, node)) {
            return digests.deliver(now);
        }
        DigestService.RunReport report = digests.run(now, null);
        runs.finish(JOB, hour, report.summary());
        return report;
    }

    private void safeTick() {
        try {
            DigestService.RunReport report = tick(clock.instant());
            if (report.due() + report.sent() + report.retrying() + report.failed() > 0) {
                LOG.info("digest: {}", report.summary());
            }
        } catch (RuntimeException e) {
            // A failed tick (the store unreachable, say) must not stop the timer: the next one retries.
            LOG.error("digest tick failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
