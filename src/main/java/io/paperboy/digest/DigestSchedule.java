package io.paperboy.digest;

import io.paperboy.jobs.StoreOutage;
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
 *
 * <p>While the store cannot be reached a tick says so once and tries again with backoff (a few
 * seconds apart, until the next tick is near) instead of waiting five minutes; an hour it claimed
 * before the store went away is queued and recorded when the store answers again.
 */
public final class DigestSchedule implements AutoCloseable {
    static final String JOB = "digest";
    static final long TICK_MINUTES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);
    private static final long RETRY_MARGIN_MS = 30_000;

    private final DigestService digests;
    private final JobRuns runs;
    private final String node;
    private final Clock clock;
    private final StoreOutage outage = new StoreOutage("digest schedule", LOG);
    // The hour this node claimed whose queueing has not been recorded yet (the store went away meanwhile).
    private String unfinishedHour;
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

    private void safeTick() {
        long giveUp = clock.millis() + TimeUnit.MINUTES.toMillis(TICK_MINUTES) - RETRY_MARGIN_MS;
        try {
            while (true) {
                try {
                    DigestService.RunReport report = tick(clock.instant());
                    outage.succeeded();
                    if (report.due() + report.sent() + report.retrying() + report.failed() > 0) {
                        LOG.info("digest: {}", report.summary());
                    }
                    return;
                } catch (RuntimeException e) {
                    // A failed tick must not stop the timer: the next one retries.
                    if (!outage.failed(e)) {
                        LOG.error("digest tick failed", e);
                        return;
                    }
                    if (clock.millis() >= giveUp) {
                        return;
                    }
                    Thread.sleep(outage.backoff(RETRY_INTERVAL).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
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
