package io.paperboy.web;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the site's {@link Throttle}s over one store of buckets (the app wires the store's table
 * in), each under its own name, so that every node on that store shares every limit.
 */
public final class Throttles {
    private final ProxyManager<String> store;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    public Throttles(ProxyManager<String> store) {
        this.store = store;
    }

    /**
     * {@code capacity} attempts per {@code period} for each key; {@code name} keeps its buckets
     * apart from other throttles' ("login-account"), {@code what} names the action in the refusal
     * ("failed logins for this account").
     */
    public Throttle of(String name, String what, int capacity, Duration period) {
        return of(name, what, List.of(new Throttle.Limit(capacity, period)));
    }

    /** A throttle whose every key must stay within all of {@code limits} (5 an hour and 10 a day, say). */
    public Throttle of(String name, String what, List<Throttle.Limit> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("throttle " + name + " needs at least one limit");
        }
        if (!names.add(name)) {
            throw new IllegalStateException(
                    "two throttles are called " + name + ": they would count in the same buckets");
        }
        return new Throttle(store, name, what, limits);
    }
}
