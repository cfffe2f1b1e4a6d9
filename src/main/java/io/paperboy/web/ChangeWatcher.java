package io.paperboy.web;

import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.jobs.StoreOutage;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's change number, read every quarter second by one background loop so requests never
 * wait for it. Polling the store (not listening to this process) also sees writes by an import in
 * another process or by another node of a cluster. While the store is away the loop keeps what it
 * last read (cached pages stay valid; the readiness check reports the store) and backs off.
 */
public final class ChangeWatcher implements LongSupplier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);
    private static final Duration PERIOD = Duration.ofMillis(250);

    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(5));
    private volatile long current;
    private volatile Listener listener;

    /** Hears of each move of the number, with the topics of the changes it passed, before it is published. */
    public interface Listener {
        /** {@code topics} of the changes above {@code after} up to {@code upTo}. */
        java.util.Set<String> topics(long after, long upTo);

        void changed(long upTo, java.util.Set<String> topics);
    }

    /** Reads the topics of every move through {@code listener} from now on. */
    public void onChange(Listener listener) {
        this.listener = listener;
    }

    public ChangeWatcher(LongSupplier store) {
        this(store, new StoreOutage("change watcher", LOG));
    }

    /** {@code outage} hears of every poll, so it knows when the store went away and when it came back. */
    public ChangeWatcher(LongSupplier store, StoreOutage outage) {
        this.current = store.getAsLong();
        loop.start(
                "change-watcher",
                outage,
                () -> PERIOD,
                PERIOD,
                () -> advance(store.getAsLong()),
                e -> LOG.warn("cannot read the store's change number: {}", e.getMessage()));
    }

    @Override
    public long getAsLong() {
        return current;
    }

    /** One round of the loop: tell the listener of the changes passed, then publish the number. */
    private void advance(long next) {
        Listener l = listener;
        if (l != null && next > current) {
            // Before publishing the number: an answer rendered from it must find the change already noted.
            l.changed(next, l.topics(current, next));
        }
        current = next;
    }

    @Override
    public void close() {
        loop.close();
    }
}
