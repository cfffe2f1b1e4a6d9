package io.paperboy.comment;

import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.paperboy.audit.ModerationLog;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.paper.CommentCounts;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Comments and replies on papers: members write, edit and delete their own; curators hide and
 * show any, each time in the moderation log. Every write recounts the paper's visible comments
 * and takes a change number in its transaction, so cached pages and listings follow at once.
 */
public final class CommentService implements CommentCounts {
    public static final int MAX_BODY_CHARS = 10_000;

    private final Database db;
    private final ModerationLog moderation;
    private final Clock clock;
    private final CommentRepository comments = new CommentRepository();

    public CommentService(Database db, ModerationLog moderation, Clock clock) {
        this.db = db;
        this.moderation = moderation;
        this.clock = clock;
    }

    /**
     * Posts {@code body} on {@code paperId} (the caller has checked the paper exists). A reply to a
     * reply joins the thread of the top-level comment: threads stay one level deep, and the reply
     * still appears right below the conversation it answers.
     */
    public Comment post(Member author, String paperId, Long replyTo, String body) {
        String text = validBody(body);
        return db.inTransaction(h -> {
            Long parent = replyTo == null ? null : threadToJoin(h, paperId, replyTo);
            long id = comments.insert(h, paperId, parent, author.id(), author.name(), text, clock.instant());
            changed(h, paperId);
            return comments.find(h, id).orElseThrow();
        });
    }

    /** Replaces the text of the author's own comment; anyone else's is a 403. */
    public Comment edit(Member editor, long id, String body) {
        String text = validBody(body);
        return db.inTransaction(h -> {
            Comment comment = ownLiving(h, editor, id, "edit");
            comments.updateBody(h, id, text, clock.instant());
            changed(h, comment.paperId());
            return comments.find(h, id).orElseThrow();
        });
    }

    /** Deletes the author's own comment (its replies stay, under a placeholder); anyone else's is a 403. */
    public Comment delete(Member author, long id) {
        return db.inTransaction(h -> {
            Comment comment = ownLiving(h, author, id, "delete");
            comments.markDeleted(h, id, clock.instant());
            changed(h, comment.paperId());
            return comments.find(h, id).orElseThrow();
        });
    }

    /** A curator hides ({@code hide}) or shows again any comment; a change is logged, a repeat does nothing. */
    public Comment setHidden(Member curator, long id, boolean hide) {
        if (!curator.role().atLeast(Role.CURATOR)) {
            throw new ForbiddenResponse("hiding comments needs the " + Role.CURATOR.key() + " role");
        }
        return db.inTransaction(h -> {
            Comment comment = existing(h, id);
            if (comments.setHidden(h, id, hide ? clock.instant() : null) > 0) {
                moderation.record(
                        h,
                        curator,
                        hide ? "hide-comment" : "unhide-comment",
                        "comment",
                        Long.toString(id),
                        "by " + comment.authorName() + " on paper " + comment.paperId());
                changed(h, comment.paperId());
            }
            return comments.find(h, id).orElseThrow();
        });
    }

    public Optional<Comment> find(long id) {
        return db.withHandle(h -> comments.find(h, id));
    }

    /**
     * The paper's threads as {@code viewer} (null: anonymous) may see them, with its visible count,
     * from one read of its rows (the count is the one {@code comment_counts} holds: both are written
     * in the same transaction).
     */
    public Discussion discussion(String paperId, Member viewer) {
        return Discussion.of(db.withHandle(h -> comments.listForPaper(h, paperId)), viewer);
    }

    /** The paper's threads as {@code viewer} (null: anonymous) may see them. */
    public List<CommentView> threads(String paperId, Member viewer) {
        return discussion(paperId, viewer).threads();
    }

    @Override
    public Map<String, Integer> counts(Collection<String> paperIds) {
        return db.withHandle(h -> comments.counts(h, paperIds));
    }

    /** What is accepted: 1 to 10,000 characters after trimming the ends. */
    static String validBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw InvalidForm.of("body", "write something first: the comment is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_BODY_CHARS) {
            throw InvalidForm.of(
                    "body",
                    String.format(
                            java.util.Locale.ROOT, "is %,d characters long; the limit is %,d", length, MAX_BODY_CHARS));
        }
        return text;
    }

    private Long threadToJoin(Handle h, String paperId, long replyTo) {
        Comment parent = comments.find(h, replyTo)
                .filter(c -> c.paperId().equals(paperId))
                .orElseThrow(() -> InvalidForm.of("reply_to", "there is no comment " + replyTo + " on this paper"));
        if (!parent.visible()) {
            throw InvalidForm.of("reply_to", "that comment was deleted or hidden: comment on the paper instead");
        }
        return parent.isReply() ? parent.parentId() : parent.id();
    }

    private Comment existing(Handle h, long id) {
        return comments.find(h, id).orElseThrow(() -> new NotFoundResponse("there is no comment " + id));
    }

    private Comment ownLiving(Handle h, Member member, long id, String action) {
        Comment comment = existing(h, id);
        if (comment.authorId() != member.id()) {
            throw new ForbiddenResponse("you can only " + action + " your own comments");
        }
        if (comment.deleted()) {
            throw new NotFoundResponse("comment " + id + " was deleted");
        }
        return comment;
    }

    private void changed(Handle h, String paperId) {
        // Recounts of one paper take turns: two at once could each count without the other's comment.
        io.paperboy.db.KeyLocks.hold(h, "comments:" + paperId);
        comments.recount(h, paperId);
        ChangeSequence.next(h, ChangeSequence.paper(paperId));
    }
}
