package io.paperboy.web;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A token bucket per key (an account, a client address, a mailbox): each limit allows
 * {@code capacity} attempts, refilled evenly over its {@code period}. The buckets live in the
 * store (see {@link Throttles}), so every node counts against the same limits, memory on a node
 * does not grow with the keys an attacker sprays, and no bucket is forgotten before it is full
 * again. Taking an attempt is one atomic step: a burst gets exactly the capacity.
 */
public final class Throttle {
    /** {@code capacity} attempts per {@code period}. */
    public record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(
                        "a limit needs a capacity of at least 1 and a positive period: " + capacity + " per " + period);
            }
        }
    }

    /** The refusal's detail naming the throttle that refused (a page may explain that limit in its own words). */
    public static final String REFUSED_BY = "limit";

    private final ProxyManager<String> store;
    private final String name;
    private final String prefix;
    private final String what;
    private final BucketConfiguration configuration;

    Throttle(ProxyManager<String> store, String name, String what, List<Limit> limits) {
        this.store = store;
        this.name = name;
        this.what = what;
        // The limits are part of the key: a node started with other numbers counts in other buckets
        // instead of reading a bucket made for different limits.
        this.prefix = name + "/"
                + limits.stream()
                        .map(l -> l.capacity() + "per" + l.period().toSeconds() + "s")
                        .collect(Collectors.joining(","))
                + ":";
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (Limit limit : limits) {
            builder.addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()));
        }
        this.configuration = builder.build();
    }

    /** Takes one attempt for {@code key}, or refuses with 429 and a Retry-After saying when to try again. */
    public void acquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(probe.getNanosToWaitForRefill());
        }
    }

    /**
     * Waits up to {@code maxWait} for an attempt for {@code key} and takes it: true, or false at
     * once when none would come in time (nothing is taken then). Waiters on every node are served in
     * the order they reserved.
     */
    public boolean await(String key, Duration maxWait) {
        if (maxWait.isZero() || maxWait.isNegative()) {
            return bucket(key).tryConsume(1);
        }
        try {
            return bucket(key).asBlocking().tryConsume(1, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** Gives back an attempt {@link #acquire} took (a login that turned out right, say). */
    public void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    /** Forgets {@code key}'s attempts (after a successful login, say). */
    public void reset(String key) {
        store.removeProxy(storedKey(key));
    }

    /** Attempts {@code key} has left now. */
    public long available(String key) {
        return bucket(key).getAvailableTokens();
    }

    private BucketProxy bucket(String key) {
        return store.builder().build(storedKey(key), () -> configuration);
    }

    // Fixed length whatever the key (an attacker's megabyte e-mail address), and no address in clear.
    private String storedKey(String key) {
        return prefix + Secrets.hash(key);
    }

    private HttpResponseException refusal(long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new HttpResponseException(
                429,
                "too many " + what + ": try again in " + inWords(seconds),
                Map.of("retryAfter", Long.toString(seconds), REFUSED_BY, name));
    }

    /** A wait as a refusal says it: "40 seconds", "12 minutes". */
    public static String inWords(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
}
