package io.paperboy.audit;

import java.time.Instant;

/** One line of the audit log: {@code actorName} did {@code action} to {@code targetKind} {@code targetId}. */
public record ModerationEntry(
        long id,
        long actorId,
        String actorName,
        String action,
        String targetKind,
        String targetId,
        String detail,
        Instant at) {}
