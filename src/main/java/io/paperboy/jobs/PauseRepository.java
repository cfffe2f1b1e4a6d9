package io.paperboy.jobs;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for polite_pauses: until when each service asked to be left alone. */
final class PauseRepository {
    Optional<Instant> until(Handle h, String service) {
        return h.createQuery("SELECT paused_until FROM polite_pauses WHERE service = :service")
                .bind("service", service)
                .mapTo(String.class)
                .findOne()
                .map(Timestamps::parse);
    }

    /**
     * Pauses {@code service} until {@code until}, rounded up to the stored whole second (never a
     * moment early); a later pause already stored stays.
     */
    void pause(Handle h, String service, Instant until, String reason) {
        Instant up = until.truncatedTo(ChronoUnit.SECONDS).equals(until)
                ? until
                : until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        h.createUpdate("""
                        INSERT INTO polite_pauses (service, paused_until, reason) VALUES (:service, :until, :reason)
                        ON CONFLICT (service) DO UPDATE SET paused_until = excluded.paused_until, reason = excluded.reason
                        WHERE polite_pauses.paused_until < excluded.paused_until""")
                .bind("service", service)
                .bind("until", Timestamps.stamp(up))
                .bind("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500))
                .execute();
    }
}
