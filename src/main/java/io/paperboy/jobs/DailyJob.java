package io.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once a day at a fixed UTC hour, once across every node sharing the store: each
 * node wakes up, and the one whose claim of that day's run lands in {@link JobRuns} does it. A
 * node that was down at the hour does not run it late; the next day's run catches up, since the
 * tasks themselves resume from their checkpoints (the harvest asks from its last datestamp).
 */
public final class DailyJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyJob.class);

    private final String name;
    private final int hourUtc;
    private final Supplier<String> task;
    private final JobRuns runs;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /** {@code task} does the work and returns a one-line outcome; it may throw to report failure. */
    public DailyJob(String name, int hourUtc, Supplier<String> task, JobRuns runs, String node, Clock clock) {
        if (hourUtc < 0 || hourUtc > 23) {
            throw new IllegalArgumentException("the hour of " + name + " must be 0 to 23 (UTC), not " + hourUtc);
        }
        this.name = name;
        this.hourUtc = hourUtc;
        this.task = task;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public DailyJob start() {
        scheduleNext();
        return this;
    }

    /** When the next run after {@code now} is due. */
    static ZonedDateTime nextRun(ZonedDateTime now, int hourUtc) {
        ZonedDateTime today = now.withZoneSameInstant(ZoneOffset.UTC).toLocalDate().atTime(hourUtc, 0).atZone(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    /** Runs the given day's run here if no node has claimed it; returns whether it ran here. */
    boolean runFor(LocalDate day) {
        String key = day.toString();
        if (!runs.claim(name, key, node)) {
            LOG.info("{} of {} is another node's", name, key);
            return false;
        }
        String outcome;
        try {
            outcome = task.get();
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
            LOG.error("{} of {} failed", name, key, e);
        }
        runs.finish(name, key, outcome);
        return true;
    }

    private void scheduleNext() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = nextRun(now, hourUtc);
        timer.schedule(() -> {
            try {
                runFor(next.toLocalDate());
            } finally {
                scheduleNext();
            }
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
