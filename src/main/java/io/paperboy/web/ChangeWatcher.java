package io.paperboy.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's change number, read every quarter second by one background thread so requests
 * never wait for it. Polling the store (not listening to this process) also sees writes by an
 * import in another process or by another node of a cluster.
 */
public final class ChangeWatcher implements LongSupplier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);
    private static final long PERIOD_MS = 250;

    private final LongSupplier store;
    private final io.paperboy.jobs.StoreOutage outage;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "change-watcher");
        t.setDaemon(true);
        return t;
    });
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
        this(store, new io.paperboy.jobs.StoreOutage("change watcher", LOG));
    }

    /** {@code outage} hears of every poll, so it knows when the store went away and when it came back. */
    public ChangeWatcher(LongSupplier store, io.paperboy.jobs.StoreOutage outage) {
        this.store = store;
        this.outage = outage;
        this.current = store.getAsLong();
        timer.scheduleWithFixedDelay(this::poll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long getAsLong() {
        return current;
    }

    private void poll() {
        try {
            long next = store.getAsLong();
            Listener l = listener;
            if (l != null && next > current) {
                // Before publishing the number: an answer rendered from it must find the change already noted.
                l.changed(next, l.topics(current, next));
            }
            current = next;
            outage.succeeded();
        } catch (RuntimeException e) {
            // Keep serving what we have (cached pages stay valid); the readiness check reports the store.
            if (!outage.failed(e)) {
                LOG.warn("cannot read the store's change number: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
