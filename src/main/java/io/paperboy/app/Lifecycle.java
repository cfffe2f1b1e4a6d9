package io.paperboy.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's parts that run or hold resources (the store, the index, every background loop, the web
 * server), stopped in the reverse of the order they started: what started later may use what started
 * earlier (the web server's requests use the index and the embedder; the digest schedule searches), so
 * it stops first. {@code serve} and the servers tests start both go through one of these.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private record Part(String name, AutoCloseable stop) {}

    private final Deque<Part> started = new ArrayDeque<>();

    /** Notes {@code part} as started (its loop running, its resource open); returns it. */
    public synchronized <T extends AutoCloseable> T started(String name, T part) {
        started.push(new Part(name, part));
        return part;
    }

    /** What has started, first to last: for the log and the tests. */
    public synchronized java.util.List<String> names() {
        return started.reversed().stream().map(Part::name).toList();
    }

    /** Stops every part, last started first; a part that fails to stop is logged and the others still stop. */
    @Override
    public void close() {
        while (true) {
            Part part;
            synchronized (this) {
                part = started.poll();
            }
            if (part == null) {
                return;
            }
            try {
                part.stop().close();
            } catch (Exception e) {
                LOG.warn("stopping: cannot stop {}", part.name(), e);
            }
        }
    }
}
