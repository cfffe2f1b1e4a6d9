package io.paperboy.jobs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs a round now, then again every interval, until {@link #close}d. A round
 * that fails is reported and the next round retries. While the store is unreachable the loop says
 * so once, backs off (up to 5 s between tries, so it is back about as soon as the store is) and
 * says when the store answers again; other failures go to the caller's handler every time.
 *
 * <p>Stopped by a latch, never by interrupting: an interrupt during Lucene's NIO file access
 * closes the channel and with it the index writer. Rounds that wait (a polite pause between
 * requests) wait on {@link #awaitStop} so that closing ends the wait.
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

    public void start(String name, Duration interval, Round round, Consumer<RuntimeException> failed) {
        StoreOutage outage = new StoreOutage(name, LOG);
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                do {
                    try {
                        round.run();
                        outage.succeeded();
                    } catch (RuntimeException e) {
                        if (!outage.failed(e)) {
                            failed.accept(e);
                        }
                    }
                } while (!awaitStop(outage.backoff(interval)));
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
        return stop.await(time.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops after the round in progress, waiting for it up to {@code finishRound}. */
    @Override
    public void close() {
        stop.countDown();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(finishRound.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
