package io.paperboy.user;

import java.time.Instant;

/** A personal API token as listed in settings (the token itself is shown once, never stored). */
public record ApiToken(long id, String label, Instant createdAt, Instant lastUsedAt) {}
