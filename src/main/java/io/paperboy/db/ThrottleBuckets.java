package io.paperboy.db;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bucket4j token buckets kept in the store (table {@code throttle_buckets}), so every node on it
 * counts against the same limits, and a restart forgets nothing.
 *
 * <p>On PostgreSQL they are Bucket4j's own PostgreSQL module ({@code SELECT … FOR UPDATE} on the
 * bucket's row). Bucket4j has no module for SQLite; there its generic compare-and-swap manager
 * stores the state ({@link SqliteThrottleBuckets}). Either way a burst of tries from several
 * nodes at once takes tokens one at a time.
 *
 * <p>Time is the wall clock in milliseconds (nodes' nanosecond counters are not comparable).
 * Each write stores in {@code expires_at} when the bucket will be full again; a row past that is
 * as good as absent (a new bucket would be full too), and rows past it are deleted at most once a
 * minute by whichever node writes a bucket then. So the table holds only the buckets that still
 * count something: an account under attack keeps its row until its tries are back, however many
 * other keys an attacker sprays.
 */
public final class ThrottleBuckets {
    private static final long PURGE_EVERY_MS = 60_000;

    private final Database db;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();
    private final ProxyManager<String> proxies;

    /** Buckets in {@code db}, timed by {@code clock} (tests move it to refill buckets). */
    public ThrottleBuckets(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        TimeMeter wallClock = wallClock(clock);
        // A row's time to live: until the bucket is full again, not a moment longer.
        ExpirationAfterWriteStrategy untilFull =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);
        this.proxies = switch (db.dialect()) {
            case SQLITE ->
                new SqliteThrottleBuckets(
                        db,
                        ClientSideConfig.getDefault()
                                .withClientClock(wallClock)
                                .withExpirationAfterWriteStrategy(untilFull),
                        this::purgeNowAndThen);
            case POSTGRESQL ->
                new PostgresBuckets(
                        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.dataSource())
                                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                                .table("throttle_buckets")
                                .idColumn("bucket_key")
                                .stateColumn("state")
                                .addCustomColumn(expiresAt(untilFull))
                                .clientClock(wallClock),
                        this::purgeNowAndThen);
        };
    }

    /** The buckets, for {@code web.Throttles}. */
    public ProxyManager<String> proxies() {
        return proxies;
    }

    /** Deletes the buckets that are full again (as good as absent); returns how many. */
    public int purgeExpired() {
        return db.withHandle(h -> h.createUpdate("DELETE FROM throttle_buckets WHERE expires_at <= :now")
                .bind("now", clock.millis())
                .execute());
    }

    /** How many buckets the store holds (expired ones included until the next purge). */
    public int count() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM throttle_buckets")
                .mapTo(Integer.class)
                .one());
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MS && lastPurge.compareAndSet(last, now)) {
            purgeExpired();
        }
    }

    // Bucket4j's own expires_at column adds the time to live to the system clock, and its cleaner
    // reads the system clock: this one uses the clock the buckets are timed by, on both stores.
    private static CustomColumnProvider<String> expiresAt(ExpirationAfterWriteStrategy strategy) {
        return new CustomColumnProvider<>() {
            @Override
            public void setCustomField(
                    String key, int index, PreparedStatement statement, RemoteBucketState state, long nowNanos)
                    throws SQLException {
                statement.setLong(
                        index,
                        TimeUnit.NANOSECONDS.toMillis(nowNanos)
                                + Math.max(0, strategy.calculateTimeToLiveMillis(state, nowNanos)));
            }

            @Override
            public String getCustomFieldName() {
                return "expires_at";
            }
        };
    }

    private static TimeMeter wallClock(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Bucket4j's PostgreSQL buckets, purging now and then before a write. */
    private static final class PostgresBuckets extends PostgreSQLSelectForUpdateBasedProxyManager<String> {
        private final Runnable housekeeping;

        PostgresBuckets(
                Bucket4jPostgreSQL.PostgreSQLSelectForUpdateBasedProxyManagerBuilder<String> builder,
                Runnable housekeeping) {
            super(builder);
            this.housekeeping = housekeeping;
        }

        @Override
        protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
            housekeeping.run();
            return super.allocateTransaction(key, timeoutNanos);
        }
    }
}
