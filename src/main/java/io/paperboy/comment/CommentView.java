package io.paperboy.comment;

import io.paperboy.web.Member;
import io.paperboy.web.Moments;
import io.paperboy.web.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment as one visitor sees it. Deleted comments, and hidden ones for anyone but curators
 * and their author, show only as a placeholder that keeps their replies in place, and not at all
 * once no reply is left to hold.
 *
 * @param html the sanitized body (null for placeholders)
 * @param mine the viewer wrote it (edit and delete are offered)
 * @param curator the viewer may hide and show it
 * @param byline the author as the page names them: their display name (their user name until it is known)
 */
public record CommentView(
        Comment comment,
        Look look,
        String html,
        boolean mine,
        boolean curator,
        List<CommentView> replies,
        String byline) {
    /** How the comment shows. */
    public enum Look {
        /** Text shown to all. */
        VISIBLE,
        /** Hidden by a curator; text shown, marked, to curators and its author only. */
        HIDDEN,
        /** "[deleted]" */
        DELETED,
        /** "[hidden]": hidden, seen by someone who may not read it. */
        WITHHELD
    }

    public CommentView {
        replies = List.copyOf(replies);
    }

    /** Arranges a paper's comments (oldest first) into threads as {@code viewer} (null: anonymous) sees them. */
    static List<CommentView> threads(List<Comment> all, Member viewer) {
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        for (Comment c : all) {
            if (c.isReply()) {
                CommentView reply = of(c, viewer, List.of());
                if (reply != null) {
                    replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>())
                            .add(reply);
                }
            }
        }
        List<CommentView> threads = new ArrayList<>();
        for (Comment c : all) {
            if (!c.isReply()) {
                CommentView top = of(c, viewer, replies.getOrDefault(c.id(), List.of()));
                if (top != null) {
                    threads.add(top);
                }
            }
        }
        return threads;
    }

    /** The view of {@code c} with {@code replies} below it, or null when it shows nothing. */
    static CommentView of(Comment c, Member viewer, List<CommentView> replies) {
        boolean mine = viewer != null && viewer.id() == c.authorId();
        boolean curator = viewer != null && viewer.role().atLeast(Role.CURATOR);
        Look look =
                c.deleted() ? Look.DELETED : !c.hidden() ? Look.VISIBLE : mine || curator ? Look.HIDDEN : Look.WITHHELD;
        boolean placeholder = look == Look.DELETED || look == Look.WITHHELD;
        if (placeholder && replies.isEmpty()) {
            return null;
        }
        return new CommentView(
                c,
                look,
                placeholder ? null : CommentMarkdown.toHtml(c.body()),
                mine && !c.deleted(),
                curator && !c.deleted(),
                replies,
                c.authorName());
    }

    /** The same view, its replies too, with each author's display name from {@code displayNames} (by user name). */
    CommentView named(Map<String, String> displayNames) {
        return new CommentView(
                comment,
                look,
                html,
                mine,
                curator,
                replies.stream().map(r -> r.named(displayNames)).toList(),
                displayNames.getOrDefault(comment.authorName(), byline));
    }

    /** Every author in this thread, by user name. */
    java.util.stream.Stream<String> authors() {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(comment.authorName()),
                replies.stream().flatMap(CommentView::authors));
    }

    public long id() {
        return comment.id();
    }

    /** The top-level comment whose thread this is in: where replies to it go. */
    public long threadId() {
        return comment.isReply() ? comment.parentId() : comment.id();
    }

    public boolean placeholder() {
        return html == null;
    }

    public boolean edited() {
        return comment.editedAt() != null;
    }

    public String when() {
        return Moments.readable(comment.createdAt());
    }
}
