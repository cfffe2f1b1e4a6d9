package io.paperboy.ingest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Commits batches on a thread of its own, in submission order, while the caller parses the next
 * ones: parsing and writing each take about one core, and this machine class has two. At most
 * {@value #IN_FLIGHT} batches wait, so memory stays bounded; the first failure stops later
 * batches and is rethrown to the caller.
 */
final class BatchWriter implements AutoCloseable {
    static final int IN_FLIGHT = 2;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;

    void submit(Runnable commit) {
        rethrow();
        slots.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    commit.run();
                }
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException("the import writer failed: " + e, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every submitted batch, then rethrows the first failure, if any. */
    void drain() {
        slots.acquireUninterruptibly(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        rethrow();
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
