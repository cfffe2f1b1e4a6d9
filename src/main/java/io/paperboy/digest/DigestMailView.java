package io.paperboy.digest;

/** What the mail template shows: the digest and the links of its footer. */
public record DigestMailView(Digest digest, String siteUrl, String unsubscribeUrl, String settingsUrl) {}
