package io.paperboy.webhook;

import io.paperboy.digest.DigestPeriod;
import io.paperboy.digest.Frequency;
import io.paperboy.digest.Interests;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A place papers are pushed to, as stored.
 *
 * @param ownerId the member who added it for their own account, or null for a site destination (admins)
 * @param secret the signing secret of a generic webhook, the access token of a Matrix room, else null
 * @param dailyTop how many top papers it gets each day at {@code hour} in {@code zone}; 0 for none
 * @param interests searches, authors and categories whose papers it gets as they are featured
 * @param everyFeatured whether it gets every newly featured paper
 * @param pausedReason why deliveries stopped (shown to the owner), null while active
 * @param failures failed deliveries in a row
 */
public record Destination(
        long id,
        Long ownerId,
        Kind kind,
        String name,
        String url,
        String secret,
        int dailyTop,
        int hour,
        ZoneId zone,
        Interests interests,
        boolean everyFeatured,
        boolean paused,
        String pausedReason,
        int failures,
        Instant createdAt) {

    /** The daily period due at {@code now}, or null when it gets no daily papers or was added after the period began. */
    public DigestPeriod dailyDue(Instant now) {
        if (dailyTop == 0) {
            return null;
        }
        DigestPeriod period = DigestPeriod.containing(Frequency.DAILY, hour, zone, now);
        return period.start().isBefore(createdAt) ? null : period;
    }

    /** Whether it follows anything as papers are featured. */
    public boolean followsFeatured() {
        return everyFeatured || !interests.isEmpty();
    }

    /** The URL as the owner may see it again: a chat webhook's URL is its credential, so only its host shows. */
    public String shownUrl() {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }
}
