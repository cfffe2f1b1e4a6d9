package io.paperboy.foryou;

import io.paperboy.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret of a member's private "for you" Atom feed ({@code /feeds/for-you/TOKEN.atom}): 256
 * random bits, of which the store keeps only a SHA-256 (like sessions and API tokens), so the URL
 * is shown once, when made. Making a new one, or turning the feed off, revokes the old at once.
 */
public final class PrivateFeed {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;
    private final FeedTokenRepository tokens = new FeedTokenRepository();

    public PrivateFeed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new secret for the member's feed, replacing any earlier one; returned once, never stored. */
    public String renew(long memberId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.useTransaction(h -> tokens.replace(h, memberId, hash(token), clock.instant()));
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
        return db.withHandle(h -> tokens.member(h, hash(token)));
    }

    // A plain SHA-256 suffices: the input is 256 random bits, not a guessable word.
    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
