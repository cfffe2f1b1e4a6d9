package io.paperboy.user;

import io.paperboy.db.Timestamps;
import io.paperboy.web.Secrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for mailed single-use links (mail_tokens) and personal API tokens (api_tokens). */
final class TokenRepository {
    void insertMailToken(Handle h, String token, long userId, String purpose, Instant now, Instant expires) {
        h.createUpdate("INSERT INTO mail_tokens (token_hash, user_id, purpose, created_at, expires_at) "
                        + "VALUES (:hash, :user, :purpose, :now, :expires)")
                .bind("hash", Secrets.hash(token))
                .bind("user", userId)
                .bind("purpose", purpose)
                .bind("now", Timestamps.stamp(now))
                .bind("expires", Timestamps.stamp(expires))
                .execute();
    }

    /**
     * Marks the token used and returns its account, in one statement so that two clicks racing
     * each other cannot both succeed; empty when unknown, used, expired or for another purpose.
     */
    Optional<Long> redeemMailToken(Handle h, String token, String purpose, Instant now) {
        int updated = h.createUpdate("UPDATE mail_tokens SET used_at = :now WHERE token_hash = :hash "
                        + "AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
                .bind("hash", Secrets.hash(token))
                .bind("purpose", purpose)
                .bind("now", Timestamps.stamp(now))
                .execute();
        return redeemed(h, token, updated);
    }

    /** {@link #redeemMailToken}, only when the token was made for {@code userId}. */
    Optional<Long> redeemMailToken(Handle h, String token, String purpose, long userId, Instant now) {
        int updated = h.createUpdate("UPDATE mail_tokens SET used_at = :now WHERE token_hash = :hash "
                        + "AND purpose = :purpose AND user_id = :user AND used_at IS NULL AND expires_at > :now")
                .bind("hash", Secrets.hash(token))
                .bind("purpose", purpose)
                .bind("user", userId)
                .bind("now", Timestamps.stamp(now))
                .execute();
        return redeemed(h, token, updated);
    }

    private static Optional<Long> redeemed(Handle h, String token, int updated) {
        if (updated == 0) {
            return Optional.empty();
        }
        return h.createQuery("SELECT user_id FROM mail_tokens WHERE token_hash = :hash")
                .bind("hash", Secrets.hash(token))
                .mapTo(Long.class)
                .findOne();
    }

    /** Whether the token would redeem now, without using it (to show the new-password form). */
    boolean mailTokenUsable(Handle h, String token, String purpose, Instant now) {
        return h.createQuery("SELECT count(*) FROM mail_tokens WHERE token_hash = :hash AND purpose = :purpose "
                                + "AND used_at IS NULL AND expires_at > :now")
                        .bind("hash", Secrets.hash(token))
                        .bind("purpose", purpose)
                        .bind("now", Timestamps.stamp(now))
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    void insertApiToken(Handle h, String token, long userId, String label, Instant now) {
        h.createUpdate(
                        "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (:hash, :user, :label, :now)")
                .bind("hash", Secrets.hash(token))
                .bind("user", userId)
                .bind("label", label)
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    Optional<Account> apiTokenAccount(Handle h, String token) {
        return h.createQuery("SELECT " + AccountRepository.COLUMNS
                        + " FROM api_tokens t JOIN users u ON u.id = t.user_id " + "WHERE t.token_hash = :hash")
                .bind("hash", Secrets.hash(token))
                .map(AccountRepository::account)
                .findOne();
    }

    void apiTokenUsed(Handle h, String token, Instant now) {
        h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("hash", Secrets.hash(token))
                .bind("now", Timestamps.stamp(now))
                .execute();
    }

    List<ApiToken> apiTokens(Handle h, long userId) {
        return h.createQuery(
                        "SELECT id, label, created_at, last_used_at FROM api_tokens WHERE user_id = :user ORDER BY id")
                .bind("user", userId)
                .map((rs, ctx) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("label"),
                        Timestamps.parse(rs.getString("created_at")),
                        Timestamps.parse(rs.getString("last_used_at"))))
                .list();
    }

    void deleteApiTokensOf(Handle h, long userId) {
        h.createUpdate("DELETE FROM api_tokens WHERE user_id = :user")
                .bind("user", userId)
                .execute();
    }

    boolean deleteApiToken(Handle h, long userId, long tokenId) {
        return h.createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
                        .bind("id", tokenId)
                        .bind("user", userId)
                        .execute()
                > 0;
    }
}
