package io.paperboy.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.jobs.ClaimLeases;
import io.paperboy.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass over the webhook outbox, as the digests' (DigestService): each due row is
 * claimed in its own commit under a lease and a fencing token (ClaimLeases), sent, and its
 * outcome recorded in the next commit, only while the claim is still this pass's. Several nodes
 * run passes at once; a row is sent by the one whose claim succeeded. A sender killed mid-send
 * leaves its rows to be taken again when their lease runs out.
 *
 * <p>Exactly once as far as HTTP allows: a crash between the receiver's 2xx and our commit cannot
 * be told from one before the request, so that one message (at most one per sender thread) goes
 * again, with the same {@code webhook-id} (Standard Webhooks receivers drop repeats by it) and the
 * same Matrix transaction id (the homeserver keeps one event per id). Slack, Discord and
 * Mattermost have no such key: there, that rare repeat shows.
 *
 * <p>Retries: 5xx, 408, timeouts and network errors wait 30 s, 1, 2, 4… minutes (at most an hour),
 * each with jitter (half the wait fixed, half random) so that receivers coming back are not hit by
 * every sender at once; a 429 or 503 with Retry-After waits exactly that long, and holds the
 * destination's other messages as long. Other 4xx, redirects and refused targets are not retried.
 * After {@value #PAUSE_AFTER_FAILURES} messages in a row that failed for good, the destination is
 * paused with the reason, shown to its owner.
 */
final class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final ObjectMapper JSON = Json.mapper();
    static final int SENDERS = 16;
    static final int CLAIM_BATCH = 200;
    static final Duration LEASE = Duration.ofMinutes(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** The longest Retry-After honoured as given; a longer one waits this long (a receiver's typo must not park a row for years). */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    static final int MAX_ATTEMPTS = 10;
    static final int PAUSE_AFTER_FAILURES = 3;

    /** What one pass did. */
    record Report(int sent, int retrying, int failed, int paused) {
        boolean idle() {
            return sent + retrying + failed == 0;
        }
    }

    private final Database db;
    private final WebhookSender sender;
    private final DestinationRepository destinations = new DestinationRepository();
    private final DeliveryRepository outbox = new DeliveryRepository();

    private final java.time.Clock clock;

    /** {@code clock}: the wall clock that signatures are timestamped with (receivers refuse stale ones), not a pass's "now". */
    WebhookDelivery(Database db, WebhookSender sender, java.time.Clock clock) {
        this.db = db;
        this.sender = sender;
        this.clock = clock;
    }

    Report deliver(Instant now) {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retrying = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger paused = new AtomicInteger();
        Map<Long, Optional<Destination>> known = new ConcurrentHashMap<>();
        try (ClaimLeases claims = new ClaimLeases(db, outbox, "webhook outbox", now, LEASE);
                ExecutorService senders = Executors.newFixedThreadPool(
                        SENDERS,
                        Thread.ofPlatform().name("webhook-send-", 0).daemon().factory())) {
            List<DeliveryRepository.Row> rows;
            do {
                rows = db.withHandle(h -> outbox.listClaimable(h, claims.now(), CLAIM_BATCH));
                List<Future<?>> sending = new ArrayList<>();
                for (DeliveryRepository.Row row : rows) {
                    sending.add(senders.submit(() -> {
                        String token = claims.claim(row.id());
                        if (token == null) {
                            return;
                        }
                        try {
                            Optional<Destination> d = known.computeIfAbsent(
                                    row.destinationId(), id -> db.withHandle(h -> destinations.findById(h, id)));
                            if (d.isEmpty() || d.get().paused()) {
                                db.useTransaction(h ->
                                        outbox.markFailed(h, row.id(), token, "the destination is gone or paused"));
                                return;
                            }
                            switch (deliverOne(row, d.get(), token, claims, paused)) {
                                case DELIVERED -> sent.incrementAndGet();
                                case RETRY -> retrying.incrementAndGet();
                                case FAILED -> failed.incrementAndGet();
                                case null -> {}
                            }
                        } finally {
                            claims.release(row.id());
                        }
                    }));
                }
                awaitAll(sending);
            } while (!rows.isEmpty());
        }
        return new Report(sent.get(), retrying.get(), failed.get(), paused.get());
    }

    /** Sends one row and records how it went; null when the claim was lost before sending. */
    private Attempt.Outcome deliverOne(
            DeliveryRepository.Row row, Destination d, String token, ClaimLeases claims, AtomicInteger paused) {
        WebhookEvent event;
        try {
            event = JSON.readValue(row.payload(), WebhookEvent.class);
        } catch (IOException e) {
            db.useTransaction(h -> outbox.markFailed(h, row.id(), token, "unreadable payload: " + e.getMessage()));
            return Attempt.Outcome.FAILED;
        }
        Instant at = claims.now();
        Message message = Messages.build(d, deliveryId(row.id()), event, clock.instant());
        if (!claims.renew(row.id(), token)) {
            LOG.warn("webhook {} to destination {}: not sent, another sender took it over", row.eventKey(), d.id());
            return null;
        }
        Attempt attempt = sender.send(message);
        Instant done = claims.now();
        int attempts = row.attempts() + 1;
        Attempt.Outcome outcome = attempt.outcome() == Attempt.Outcome.RETRY && attempts >= MAX_ATTEMPTS
                ? Attempt.Outcome.FAILED
                : attempt.outcome();
        // The crash window: the receiver has the message, the row still says 'sending'. One short transaction.
        db.useTransaction(h -> {
            boolean ours = switch (outcome) {
                case DELIVERED -> {
                    destinations.clearFailures(h, d.id());
                    yield outbox.markSent(h, row.id(), token, done);
                }
                case RETRY -> {
                    Instant next = done.plus(wait(attempt, attempts));
                    if (attempt.retryAfter() != null) {
                        outbox.holdPending(h, d.id(), next);
                    }
                    yield outbox.markRetry(h, row.id(), token, next, attempt.error());
                }
                case FAILED -> {
                    String why = attempts >= MAX_ATTEMPTS && attempt.outcome() == Attempt.Outcome.RETRY
                            ? "gave up after " + attempts + " attempts; last: " + attempt.error()
                            : attempt.error();
                    if (destinations.recordFailure(h, d.id(), why, PAUSE_AFTER_FAILURES, done)) {
                        paused.incrementAndGet();
                        LOG.warn("webhook destination {} paused: {}", d.id(), why);
                    }
                    yield outbox.markFailed(h, row.id(), token, why);
                }
            };
            if (ours) {
                outbox.log(h, d.id(), row.eventKey(), at, attempt);
            }
        });
        return outcome;
    }

    /** The id every attempt of one outbox row carries (webhook-id, Matrix txnId). */
    static String deliveryId(long rowId) {
        return "msg_pb" + rowId;
    }

    /** Retry-After as given (at most a day), else the backoff after the {@code attempts}-th failure. */
    static Duration wait(Attempt attempt, int attempts) {
        if (attempt.retryAfter() != null) {
            Duration asked = attempt.retryAfter().isNegative() ? Duration.ZERO : attempt.retryAfter();
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return backoff(attempts, ThreadLocalRandom.current().nextDouble());
    }

    /** Half of 30 s × 2^(attempts-1) (at most an hour), plus {@code random} (0 to 1) times the other half. */
    static Duration backoff(int attempts, double random) {
        Duration full = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (full.compareTo(MAX_RETRY) > 0) {
            full = MAX_RETRY;
        }
        long half = full.toMillis() / 2;
        return Duration.ofMillis(half + (long) (random * half));
    }

    private static void awaitAll(List<Future<?>> tasks) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("webhook delivery interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
