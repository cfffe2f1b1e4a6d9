package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.jobs.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request that needs the store gets while the store cannot be reached: the page as last
 * rendered for anonymous visitors when the cache has one (stale-if-error), else a short 503 with
 * {@code Retry-After}, at once (the pool waits {@link io.paperboy.db.Database#CONNECTION_TIMEOUT}
 * at most), and no stack trace. The outage is logged once, by the {@link StoreOutage} the change
 * watcher shares, which also says when the store is back.
 */
public final class StoreUnavailable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailable.class);
    static final int RETRY_AFTER_SECONDS = 5;
    // A node out of connections says so at most every 10 s, not once per refused request.
    private static final long LOG_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final StoreOutage outage;
    private final PageCache cache;
    private final int poolSize;
    private volatile long exhaustedLoggedAt = Long.MIN_VALUE / 2;

    public StoreUnavailable(StoreOutage outage, PageCache cache, int poolSize) {
        this.outage = outage;
        this.cache = cache;
        this.poolSize = poolSize;
    }

    /** True when {@code e} was the store being unreachable and the request has been answered. */
    public boolean handle(Exception e, Context ctx) {
        if (StoreOutage.isTimeout(e)) {
            // The store is there but gave up on this request's statement (a lock held too long, say).
            LOG.warn("{} {}: the store gave up on a statement: {}", ctx.method(), ctx.path(), StoreOutage.reason(e));
            if (!cache.serveStale(ctx)) {
                ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).header("Cache-Control", "no-store");
                Errors.respond(
                        ctx,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "the site's database took too long to answer; try again in a few seconds");
            }
            return true;
        }
        if (!StoreOutage.isOutage(e)) {
            return false;
        }
        if (StoreOutage.isPoolExhausted(e)) {
            // Not an outage of the store: this node asks more of it at once than its pool holds.
            long now = System.nanoTime();
            if (now - exhaustedLoggedAt > LOG_EVERY_NANOS) {
                exhaustedLoggedAt = now;
                LOG.warn(
                        "{} {}: no free connection to the store: all {} of this node's pool are in use "
                                + "(raise --db-pool-size, or see docs/operations.md on PgBouncer)",
                        ctx.method(),
                        ctx.path(),
                        poolSize);
            }
        } else {
            outage.failed(e);
        }
        if (cache.serveStale(ctx)) {
            return true;
        }
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).header("Cache-Control", "no-store");
        Errors.respond(
                ctx,
                HttpStatus.SERVICE_UNAVAILABLE,
                StoreOutage.isPoolExhausted(e)
                        ? "this server is too busy to reach the site's database right now; try again in a few seconds"
                        : "the site's database cannot be reached right now; try again in a few seconds");
        return true;
    }
}
