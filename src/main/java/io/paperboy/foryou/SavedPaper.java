package io.paperboy.foryou;

import io.paperboy.paper.Paper;
import java.time.Instant;

/** A paper on a member's reading list; {@code readAt} is null while it is unread. */
public record SavedPaper(Paper paper, Instant savedAt, Instant readAt) {
    public boolean read() {
        return readAt != null;
    }
}
