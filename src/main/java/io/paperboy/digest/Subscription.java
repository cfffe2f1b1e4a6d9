package io.paperboy.digest;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A digest subscription as stored.
 *
 * @param userId the member who made it from their settings, or null for an address alone
 * @param hour hour of day (0-23) in {@code zone} at which each period's digest is due
 * @param confirmedAt when the address was confirmed (null while pending); periods that began
 *     before it are not sent
 */
public record Subscription(
        long id,
        String email,
        Long userId,
        Frequency frequency,
        int hour,
        ZoneId zone,
        Status status,
        Interests interests,
        Instant confirmedAt,
        int bounces) {

    /** Where a subscription stands: only active ones get mail. */
    public enum Status {
        PENDING,
        ACTIVE,
        PAUSED,
        UNSUBSCRIBED;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The period due at {@code now}, or null when none is (not active, or confirmed after the period began). */
    public DigestPeriod due(Instant now) {
        if (status != Status.ACTIVE || confirmedAt == null) {
            return null;
        }
        DigestPeriod period = DigestPeriod.containing(frequency, hour, zone, now);
        return period.start().isBefore(confirmedAt) ? null : period;
    }

    public Subscription withInterests(Interests replaced) {
        return new Subscription(id, email, userId, frequency, hour, zone, status, replaced, confirmedAt, bounces);
    }
}
