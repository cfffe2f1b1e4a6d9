package io.paperboy.digest;

/** What the mail template shows: the digest, its items as rendered once per run, and the footer's links. */
public record DigestMailView(
        Digest digest, ItemRenderer items, String siteUrl, String unsubscribeUrl, String settingsUrl) {}
