package io.paperboy.jobs;

import io.paperboy.db.Database;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeping facts that a third party holds about featured papers fresh, politely: a background loop
 * whose round goes over the items, refreshing each one this node claims in the store (so with
 * several nodes each item is asked about once); one request at a time, at most one per
 * {@code interval} counted from the end of the previous one; and a pause every node honours. When
 * the service says "not before T" (a rate limit), {@link #pause} writes T to the store
 * ({@code polite_pauses}, by service), and no node on that store asks the service again before T:
 * a round stops, and a request about to go out throws {@link Paused} instead.
 */
public final class PoliteRefresh implements AutoCloseable {
    /** Refreshes one claimed item; true when it counts (an answer stored). */
    @FunctionalInterface
    public interface Refresh<T> {
        boolean refresh(T item) throws InterruptedException;
    }

    /** The service (through any node) asked to be left alone until {@link #until}. */
    public static final class Paused extends Exception {
        private final Instant until;

        public Paused(String service, Instant until) {
            super(service + " paused until " + until);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private final Database db;
    private final String service;
    private final Duration interval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(10));
    private final PauseRepository pauses = new PauseRepository();
    private long lastRequestNanos;
    private boolean requested;

    /** {@code service}: the name the pause is shared under ("github"); {@code interval}: the least time between requests. */
    public PoliteRefresh(Database db, String service, Duration interval, Clock clock) {
        this.db = db;
        this.service = service;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * One round: each item that {@code claim} takes (its due check and claim in the store) is
     * refreshed, until the loop is closed or the service is paused; returns how many counted.
     */
    public synchronized <T> int round(List<T> items, Predicate<T> claim, Refresh<T> refresh)
            throws InterruptedException {
        int counted = 0;
        for (T item : items) {
            if (loop.stopped() || pausedUntil().isPresent()) {
                break;
            }
            if (claim.test(item)) {
                counted += refresh.refresh(item) ? 1 : 0;
            }
        }
        return counted;
    }

    /**
     * Sends one request in its turn: an interval after the previous one ended, and not while the
     * service is paused (by any node), which throws {@link Paused} without sending.
     */
    public <B> HttpResponse<B> send(HttpRequest request, HttpResponse.BodyHandler<B> body)
            throws IOException, Paused, InterruptedException {
        pace();
        Optional<Instant> paused = pausedUntil();
        if (paused.isPresent()) {
            throw new Paused(service, paused.get());
        }
        try {
            return http.send(request, body);
        } finally {
            lastRequestNanos = System.nanoTime();
        }
    }

    /** The service asked for no request before {@code until} (a rate limit): every node on the store waits. */
    public void pause(Instant until, String reason) {
        db.useTransaction(h -> pauses.pause(h, service, until, reason));
    }

    /** Until when the service is paused, if it is now. */
    public Optional<Instant> pausedUntil() {
        Instant now = clock.instant();
        return db.withHandle(h -> pauses.until(h, service)).filter(now::isBefore);
    }

    private void pace() throws InterruptedException {
        if (requested) {
            long waitNanos = interval.toNanos() - (System.nanoTime() - lastRequestNanos);
            if (waitNanos > 0 && loop.awaitStop(Duration.ofNanos(waitNanos))) {
                throw new InterruptedException(service + " refresh stopped");
            }
        }
        requested = true;
    }

    /** Runs a round now, then every {@code every}, on a thread named {@code name}, until {@link #close}. */
    public void start(String name, Duration every, BackgroundLoop.Round round, Consumer<RuntimeException> failed) {
        loop.start(name, every, round, failed);
    }

    public boolean stopped() {
        return loop.stopped();
    }

    @Override
    public void close() {
        loop.close();
    }
}
