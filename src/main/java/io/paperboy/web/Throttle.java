package io.paperboy.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an account, an address, an IP): {@code capacity} attempts, refilled
 * evenly over {@code period}. Buckets live in this node's memory, so with N nodes the limit is at
 * most N times as loose; that still turns password guessing from millions of tries into hundreds.
 */
public final class Throttle {
    // Bounded memory: when an attacker sprays keys, forget them all rather than grow without end.
    private static final int MAX_KEYS = 100_000;

    private final String what;
    private final int capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code what} names the action in the refusal ("login attempts for this account"). */
    public Throttle(String what, int capacity, Duration period) {
        this.what = what;
        this.capacity = capacity;
        this.period = period;
    }

    /** Takes one attempt for {@code key}, or refuses with 429 and a Retry-After saying when to try again. */
    public void acquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(probe.getNanosToWaitForRefill());
        }
    }

    /** Refuses with 429 when {@code key} has no attempt left, without taking one. */
    public void check(String key) {
        Bucket bucket = bucket(key);
        if (bucket.getAvailableTokens() < 1) {
            throw refusal(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    /** Counts one attempt (a failed login, say) against {@code key}, without refusing anything now. */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    /** Forgets {@code key}'s attempts (after a successful login, say). */
    public void reset(String key) {
        buckets.remove(key);
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }

    private HttpResponseException refusal(long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new HttpResponseException(429, "too many " + what + ": try again in " + describe(seconds),
                Map.of("retryAfter", Long.toString(seconds)));
    }

    private static String describe(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
}
