package io.paperboy.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret in each digest's unsubscribe links: the subscription id and an HMAC of it under a
 * site key. Nothing is stored, so every mail of a subscription, old or new, carries a working
 * link, and a guessed id without the key unsubscribes no one.
 */
final class UnsubscribeTokens {
    private final ThreadLocal<Mac> macs;

    UnsubscribeTokens(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
            }
        });
    }

    String token(long subscriptionId) {
        return subscriptionId + "." + mac(subscriptionId);
    }

    /** The subscription a token names, or empty when it is malformed or forged. */
    OptionalLong subscription(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || token.length() > 80) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        boolean genuine = MessageDigest.isEqual(
                token.substring(dot + 1).getBytes(StandardCharsets.UTF_8), mac(id).getBytes(StandardCharsets.UTF_8));
        return genuine ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String mac(long id) {
        byte[] digest = macs.get().doFinal(("unsubscribe:" + id).getBytes(StandardCharsets.UTF_8));
        // 128 bits are plenty for a link that can only unsubscribe.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
