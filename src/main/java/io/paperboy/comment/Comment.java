package io.paperboy.comment;

import java.time.Instant;

/**
 * One comment as stored: {@code body} is the Markdown as typed (empty once deleted);
 * {@code parentId} is null for a top-level comment and names a top-level comment for a reply.
 */
public record Comment(
        long id,
        String paperId,
        Long parentId,
        long authorId,
        String authorName,
        String body,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        Instant hiddenAt) {

    public boolean isReply() {
        return parentId != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    /** Shown to everyone and counted: neither deleted nor hidden. */
    public boolean visible() {
        return !deleted() && !hidden();
    }
}
