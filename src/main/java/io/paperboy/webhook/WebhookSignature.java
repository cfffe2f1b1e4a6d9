package io.paperboy.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks format (standardwebhooks.com), so a receiver verifies our
 * deliveries with any of that specification's libraries: the headers {@code webhook-id} (the same on
 * every retry, for the receiver's idempotency), {@code webhook-timestamp} (Unix seconds, fresh on
 * every attempt) and {@code webhook-signature}, which is {@code v1,} followed by the base64 of
 * HMAC-SHA256 under the secret over {@code id.timestamp.body}. The secret is written
 * {@code whsec_} + base64 of 24 to 64 random bytes; the key is those bytes.
 */
public final class WebhookSignature {
    /** How far a receiver's clock may be from the timestamp before it refuses a replay (the spec's 5 minutes). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private final byte[] key;

    /** The signer for {@code secret} ({@code whsec_…}; the prefix may be left out, as the reference libraries allow). */
    public WebhookSignature(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64: " + e.getMessage(), e);
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 bytes of key, not " + key.length);
        }
    }

    /** A new random secret in the specification's form. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new java.security.SecureRandom().nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The value of {@code webhook-signature} for one attempt. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * What a receiver checks: one of the space-separated {@code v1,…} signatures in {@code header}
     * matches, and the timestamp is within {@link #TOLERANCE} of {@code now} (else a replay).
     */
    public boolean verify(String id, String timestamp, String header, byte[] body, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(id, seconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
