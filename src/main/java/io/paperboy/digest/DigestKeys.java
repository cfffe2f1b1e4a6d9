package io.paperboy.digest;

import io.paperboy.db.Database;
import io.paperboy.db.SiteSecrets;

/** The site key behind unsubscribe links, shared by every node through the store. */
final class DigestKeys {
    private DigestKeys() {}

    static UnsubscribeTokens unsubscribeTokens(Database db) {
        return new UnsubscribeTokens(SiteSecrets.key(db, "digest-unsubscribe"));
    }
}
