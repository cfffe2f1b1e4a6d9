package io.paperboy.foryou;

import io.paperboy.db.Database;
import io.paperboy.web.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The secret of a member's private "for you" Atom feed ({@code /feeds/for-you/TOKEN.atom}): 256
 * random bits, of which the store keeps only a SHA-256 (like sessions and API tokens), so the URL
 * is shown once, when made. Making a new one, or turning the feed off, revokes the old at once.
 */
public final class PrivateFeed {
    private final Database db;
    private final Clock clock;
    private final FeedTokenRepository tokens = new FeedTokenRepository();

    public PrivateFeed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new secret for the member's feed, replacing any earlier one; returned once, never stored. */
    public String renew(long memberId) {
        String token = Secrets.token();
        db.useTransaction(h -> tokens.replace(h, memberId, Secrets.hash(token), clock.instant()));
        return token;
    }

    /** Turns the member's feed off; false when they had none. */
    public boolean revoke(long memberId) {
        return db.inTransaction(h -> tokens.delete(h, memberId));
    }

    /** When the member's current feed URL was made, or empty when they have none. */
    public Optional<Instant> since(long memberId) {
        return db.withHandle(h -> tokens.createdAt(h, memberId));
    }

    /** The member whose feed {@code token} opens; empty for an unknown or revoked one. */
    public Optional<Long> member(String token) {
        return db.withHandle(h -> tokens.member(h, Secrets.hash(token)));
    }
}
