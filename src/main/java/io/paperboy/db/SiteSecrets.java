package io.paperboy.db;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random keys shared by every node (the CSRF key, for one), made by whichever node asks first.
 * The insert either wins or finds another node's key, so all nodes agree without coordination.
 */
public final class SiteSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SiteSecrets() {}

    /** The 32-byte key called {@code name}, created on first use. */
    public static byte[] key(Database db, String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        String encoded = Base64.getEncoder().encodeToString(fresh);
        String stored = db.inTransaction(h -> {
            h.createUpdate(
                            "INSERT INTO site_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("value", encoded)
                    .execute();
            return h.createQuery("SELECT value FROM site_secrets WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
        return Base64.getDecoder().decode(stored);
    }
}
