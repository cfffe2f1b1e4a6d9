package io.paperboy.jobs;

import io.paperboy.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox rows one delivery pass holds, and the pass's clock; shared by the digest and the
 * webhook outboxes, which say through {@link Rows} how a row of theirs is claimed and renewed.
 *
 * <p>A claim lasts {@code lease} from the moment it is made (the pass's start plus the time
 * elapsed since, not the pass's start: in a pass longer than the lease every later claim was born
 * expired) and is renewed every third of the lease while its mail is composed and sent, so no
 * other sender takes a row whose sender is alive, however slow the relay. A sender that dies
 * stops renewing, and its rows become claimable one lease later. Each claim carries a random
 * token: renewals and outcomes apply only while the row still carries it (fencing), so a sender
 * that stalled past its lease cannot undo the sender that took the row over.
 */
public final class ClaimLeases implements AutoCloseable {
    /** How an outbox claims and renews one of its rows (each call in its own short transaction). */
    public interface Rows {
        /** Takes the row under {@code token} until {@code leaseUntil}; false when another sender took it first. */
        boolean claim(Handle h, long id, String token, Instant now, Instant leaseUntil);

        /** Extends the lease of a row still claimed under {@code token}; false when the claim was lost. */
        boolean renew(Handle h, long id, String token, Instant leaseUntil);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClaimLeases.class);

    private final Database db;
    private final Rows outbox;
    private final String name;
    private final Duration lease;
    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final Map<Long, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    /** {@code name}: the outbox, as logs say it ("digest outbox"). */
    public ClaimLeases(Database db, Rows outbox, String name, Instant start, Duration lease) {
        this.db = db;
        this.outbox = outbox;
        this.name = name;
        this.start = start;
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("lease-" + name.replace(' ', '-'))
                .daemon()
                .factory());
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The pass's clock: the time it was started at, plus the time elapsed since. */
    public Instant now() {
        return start.plusNanos(System.nanoTime() - startNanos);
    }

    /** Claims the row; its token, or null when another sender holds it. */
    public String claim(long id) {
        String token = UUID.randomUUID().toString();
        Instant at = now();
        if (!db.withHandle(h -> outbox.claim(h, id, token, at, at.plus(lease)))) {
            return null;
        }
        held.put(id, token);
        return token;
    }

    /** Renews the row's lease now, before its mail goes to the relay; false when the claim was lost. */
    public boolean renew(long id, String token) {
        if (db.withHandle(h -> outbox.renew(h, id, token, now().plus(lease)))) {
            return true;
        }
        held.remove(id, token);
        return false;
    }

    /** Stops renewing the row: its outcome is recorded (or its claim was lost). */
    public void release(long id) {
        held.remove(id);
    }

    private void renewAll() {
        for (Map.Entry<Long, String> claim : held.entrySet()) {
            try {
                if (!renew(claim.getKey(), claim.getValue())) {
                    LOG.warn(
                            "{} row {}: claim lost while sending (its lease of {} ran out before renewal)",
                            name,
                            claim.getKey(),
                            lease);
                }
            } catch (RuntimeException e) {
                // The store is briefly unreachable: the next renewal tries again, well within the lease.
                LOG.warn("{} row {}: renewing the claim failed: {}", name, claim.getKey(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
