package io.paperboy.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One health check shared by every probe asking at once: at most one check runs at a time, and
 * probes that arrive while it runs get its answer (one that arrives after it ended runs its own,
 * so an answer is never older than the check under way when the probe came).
 *
 * <p>Balancers and orchestrators probe on their own schedule (HAProxy every 500 ms per backend,
 * here as elsewhere), and a probe they gave up on is still answered by the node. When each probe
 * took its own connections, a node slowed down (CPU starved, or the store slow) had probes piling
 * up faster than they finished, each holding or waiting for one of the pool's connections: in the
 * cluster check a node's pool of 10 stayed exhausted (PostgreSQL showing its sessions idle, their
 * holders waiting for a core) and the node never came back. A shared check holds one connection
 * at most, however many probes ask.
 */
final class Probe {
    /** How long a probe waits for the check under way before it answers that the node is too busy. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** What a check found: whether the node passes, and the JSON body (a record) that says so. */
    record Result(boolean ok, Object body) {}

    private final Supplier<Result> check;
    private CompletableFuture<Result> underWay;

    Probe(Supplier<Result> check) {
        this.check = check;
    }

    /** The answer of the check under way, else of a check run now on this thread. */
    Result result() {
        CompletableFuture<Result> shared;
        CompletableFuture<Result> mine = null;
        synchronized (this) {
            shared = underWay;
            if (shared == null) {
                mine = underWay = new CompletableFuture<>();
            }
        }
        if (mine != null) {
            return runCheck(mine);
        }
        try {
            return shared.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new io.javalin.http.HttpResponseException(
                    503,
                    "health: the check under way has taken over " + WAIT.toSeconds() + " s: this node is too busy",
                    java.util.Map.of("retryAfter", "5"));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("health: interrupted while waiting for the check under way", e);
        }
    }

    private Result runCheck(CompletableFuture<Result> mine) {
        try {
            Result r = check.get();
            mine.complete(r);
            return r;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                underWay = null;
            }
        }
    }
}
