package io.paperboy.jobs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a node runs background work: a daemon thread that waits until a round is due, runs
 * it, and waits again, until {@link #close}d. Every loop of a node runs on it: the index follower,
 * the workers, the page cache's change watcher, the daily jobs and the digest schedule.
 *
 * <p>A round that fails is reported and the next round retries. While the store is unreachable the
 * loop says so once (through its {@link StoreOutage}), tries the round again with backoff (from
 * {@code retry}, doubled per failure, at most 5 s between tries, so it is back about as soon as the
 * store is) and says when the store answers again; other failures go to the caller's handler every time.
 *
 * <p>Stopped by a latch, never by interrupting: an interrupt during Lucene's NIO file access
 * closes the channel and with it the index writer. Rounds that wait (a polite pause between
 * requests, a retry) wait on {@link #awaitStop} so that closing ends the wait.
 */
public final class BackgroundLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    /** One round of work; may be cut short by {@link #stopped}. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final CountDownLatch stop = new CountDownLatch(1);
    private final Duration finishRound;
    private volatile Thread thread;

    /** {@code finishRound}: how long {@link #close} waits for the round in progress. */
    public BackgroundLoop(Duration finishRound) {
        this.finishRound = finishRound;
    }

    /** Runs a round now, then again every {@code interval}. */
    public void start(String name, Duration interval, Round round, Consumer<RuntimeException> failed) {
        start(name, new StoreOutage(name, LOG), interval, round, failed);
    }

    /** The same, with an outage shared with other parts of the node (the web server's, say). */
    public void start(
            String name, StoreOutage outage, Duration interval, Round round, Consumer<RuntimeException> failed) {
        boolean[] first = {true};
        start(
                name,
                outage,
                () -> {
                    if (first[0]) {
                        first[0] = false;
                        return Duration.ZERO;
                    }
                    return interval;
                },
                interval,
                round,
                failed);
    }

    /**
     * Runs a round each time {@code untilDue} (asked before each wait) says it is due: at a fixed
     * hour, on the next five-minute mark. A round that meets a store outage is tried again after
     * {@code retry} (backing off), not at the next due time.
     */
    public void start(
            String name,
            StoreOutage outage,
            Supplier<Duration> untilDue,
            Duration retry,
            Round round,
            Consumer<RuntimeException> failed) {
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                Duration wait = untilDue.get();
                while (!awaitStop(wait)) {
                    try {
                        round.run();
                        outage.succeeded();
                        wait = untilDue.get();
                    } catch (RuntimeException e) {
                        if (outage.failed(e)) {
                            wait = outage.backoff(retry);
                        } else {
                            failed.accept(e);
                            wait = untilDue.get();
                        }
                    }
                }
            } catch (InterruptedException e) {
                // closed while waiting
            }
        });
    }

    public boolean stopped() {
        return stop.getCount() == 0;
    }

    /** Waits up to {@code time}; true when the loop was closed meanwhile. */
    public boolean awaitStop(Duration time) throws InterruptedException {
        return stop.await(Math.max(0, time.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Stops after the round in progress, waiting for it up to {@code finishRound}. */
    @Override
    public void close() {
        stop.countDown();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(finishRound.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
