package io.paperboy.db;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bucket4j's compare-and-swap proxy manager on SQLite, for which Bucket4j has no module: it needs
 * only two statements, read a bucket's state, then write the new state only if the row still
 * holds the state read ({@code INSERT … ON CONFLICT DO NOTHING} for a new bucket,
 * {@code UPDATE … WHERE state = :read} for an existing one). A writer that loses the race reads
 * again and retries, so concurrent tries take tokens one at a time: a burst gets exactly the
 * capacity. Bucket4j computes every bucket's state; this class only stores it.
 */
final class SqliteThrottleBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    private final Database db;
    private final Runnable housekeeping;

    /** Buckets in {@code db}; {@code housekeeping} runs before every write (it purges now and then). */
    SqliteThrottleBuckets(Database db, ClientSideConfig config, Runnable housekeeping) {
        super(config);
        this.db = db;
        this.housekeeping = housekeeping;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return db.withHandle(h -> h.createQuery("SELECT state FROM throttle_buckets WHERE bucket_key = :key")
                        .bind("key", key)
                        .mapTo(byte[].class)
                        .findOne());
            }

            @Override
            public boolean compareAndSwap(
                    byte[] read, byte[] next, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                long expiresAt = expiresAt(newState);
                housekeeping.run();
                if (read == null) {
                    return db.withHandle(h -> h.createUpdate("""
                                    INSERT INTO throttle_buckets (bucket_key, state, expires_at) VALUES (:key, :state, :expires)
                                    ON CONFLICT (bucket_key) DO NOTHING""")
                                    .bind("key", key)
                                    .bind("state", next)
                                    .bind("expires", expiresAt)
                                    .execute())
                            == 1;
                }
                return db.withHandle(h -> h.createUpdate("""
                                UPDATE throttle_buckets SET state = :state, expires_at = :expires
                                WHERE bucket_key = :key AND state = :read""")
                                .bind("key", key)
                                .bind("state", next)
                                .bind("expires", expiresAt)
                                .bind("read", read)
                                .execute())
                        == 1;
            }
        };
    }

    private long expiresAt(RemoteBucketState state) {
        long now = currentTimeNanos();
        long ttl = getClientSideConfig()
                .getExpirationAfterWriteStrategy()
                .orElseThrow()
                .calculateTimeToLiveMillis(state, now);
        return TimeUnit.NANOSECONDS.toMillis(now) + Math.max(0, ttl);
    }

    @Override
    public void removeProxy(String key) {
        db.withHandle(h -> h.createUpdate("DELETE FROM throttle_buckets WHERE bucket_key = :key")
                .bind("key", key)
                .execute());
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("throttle buckets in the store are used synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("throttle buckets in the store are used synchronously");
    }
}
