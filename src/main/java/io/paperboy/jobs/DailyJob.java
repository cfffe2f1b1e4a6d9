package io.paperboy.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once a day at a fixed UTC hour, once across every node sharing the store: each
 * node wakes up, and the one whose claim of that day's run lands in {@link JobRuns} does it. A
 * node that was down at the hour does not run it late; the next day's run catches up, since the
 * tasks themselves resume from their checkpoints (the harvest asks from its last datestamp).
 *
 * <p>A store that cannot be reached at the hour (or stops answering during the run) does not skip
 * the day: the node says so once, retries with backoff until the store answers (until the next
 * day's run is due at the latest), then runs it and records it, marked as delayed.
 *
 * <p>The hour, and whether the job has anything to do, may be the site's settings in the store
 * rather than the node's: they are read again at least every {@value #RECHECK_SECONDS} seconds
 * while waiting, so a new hour takes effect from its next occurrence on every node.
 */
public final class DailyJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyJob.class);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);
    static final long RECHECK_SECONDS = 60;

    private final String name;
    private final IntSupplier hourUtc;
    private final BooleanSupplier active;
    private final Supplier<String> task;
    private final JobRuns runs;
    private final String node;
    private final Clock clock;
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(30));
    // The run the loop waits for, planned with the hour read then (re-planned when the hour changes):
    // set before each wait, read by the round that follows it.
    private volatile ZonedDateTime next;
    private volatile int plannedHour = -1;

    /** {@code task} does the work and returns a one-line outcome; it may throw to report failure. */
    public DailyJob(String name, int hourUtc, Supplier<String> task, JobRuns runs, String node, Clock clock) {
        this(name, checkedHour(name, hourUtc), () -> true, task, runs, node, clock);
    }

    /**
     * A job whose hour ({@code hourUtc}, 0-23) and whether it has anything to do ({@code active};
     * when false the day is not claimed) are read when due, e.g. from the site's settings.
     */
    public DailyJob(
            String name,
            IntSupplier hourUtc,
            BooleanSupplier active,
            Supplier<String> task,
            JobRuns runs,
            String node,
            Clock clock) {
        this.name = name;
        this.hourUtc = hourUtc;
        this.active = active;
        this.task = task;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    public DailyJob start() {
        // The round meets no outage of its own: runFor waits one out for its day, up to the next day's run.
        loop.start(
                "job-" + name,
                new StoreOutage("job-" + name, LOG),
                this::untilNextRun,
                RETRY_INTERVAL,
                () -> {
                    ZonedDateTime due = next;
                    if (ZonedDateTime.now(clock).isBefore(due) || hour() != plannedHour) {
                        return; // a recheck of the hour, not the run: planned again before the next wait
                    }
                    next = null;
                    runFor(due.toLocalDate(), due.plusDays(1).minusMinutes(1).toInstant());
                },
                e -> LOG.error("{} failed", name, e));
        return this;
    }

    // Waits for the planned run, but never longer than the recheck: the hour may change in the store.
    private Duration untilNextRun() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        int hour = hour();
        if (next == null || hour != plannedHour) {
            next = nextRun(now, hour);
            plannedHour = hour;
        }
        Duration wait = Duration.between(now, next);
        Duration recheck = Duration.ofSeconds(RECHECK_SECONDS);
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(recheck) < 0 ? wait : recheck;
    }

    private static IntSupplier checkedHour(String name, int hourUtc) {
        if (hourUtc < 0 || hourUtc > 23) {
            throw new IllegalArgumentException("the hour of " + name + " must be 0 to 23 (UTC), not " + hourUtc);
        }
        return () -> hourUtc;
    }

    // The hour as configured now; while it cannot be read (the store is away) the one planned with.
    private int hour() {
        try {
            int hour = hourUtc.getAsInt();
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
            LOG.warn("{}: hour {} is not 0 to 23 (UTC); keeping {}", name, hour, plannedHour);
        } catch (RuntimeException e) {
            if (!StoreOutage.isOutage(e)) {
                LOG.warn("{}: cannot read its hour: {}", name, e.getMessage());
            }
        }
        return plannedHour >= 0 ? plannedHour : 0;
    }

    /** When the next run after {@code now} is due. */
    static ZonedDateTime nextRun(ZonedDateTime now, int hourUtc) {
        ZonedDateTime today = now.withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDate()
                .atTime(hourUtc, 0)
                .atZone(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    /** Runs the given day's run here if no node has claimed it; returns whether it ran here. One try. */
    boolean runFor(LocalDate day) throws InterruptedException {
        return runFor(day, clock.instant());
    }

    /**
     * Runs the given day's run here if no node has claimed it, trying again while the store is
     * unreachable until {@code giveUpAt}; returns whether it ran here.
     */
    boolean runFor(LocalDate day, java.time.Instant giveUpAt) throws InterruptedException {
        String key = day.toString();
        StoreOutage outage = new StoreOutage(name + " of " + key, LOG);
        boolean claimed = false;
        String outcome = null;
        while (true) {
            try {
                if (!claimed) {
                    if (!active.getAsBoolean()) {
                        LOG.info("{} of {}: nothing to do", name, key);
                        return false;
                    }
                    if (!runs.claim(name, key, node)) {
                        LOG.info("{} of {} is another node's", name, key);
                        return false;
                    }
                    claimed = true;
                }
                if (outcome == null) {
                    outcome = (outage.down() ? "delayed by a store outage: " : "") + runTask(key);
                }
                runs.finish(name, key, outcome);
                outage.succeeded();
                return true;
            } catch (RuntimeException e) {
                if (!outage.failed(e)) {
                    throw e;
                }
                if (!clock.instant().isBefore(giveUpAt)) {
                    LOG.error("{} of {}: the store did not come back in time; this run is skipped", name, key);
                    return false;
                }
                if (loop.awaitStop(outage.backoff(RETRY_INTERVAL))) {
                    return false; // closed
                }
            }
        }
    }

    // The task's outcome; an unreachable store is thrown on, for the caller to wait and run it again.
    private String runTask(String key) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                throw e;
            }
            LOG.error("{} of {} failed", name, key, e);
            return "failed: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
