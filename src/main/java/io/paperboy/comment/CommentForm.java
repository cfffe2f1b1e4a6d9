package io.paperboy.comment;

import io.paperboy.web.Form;

/**
 * A comment form: a new comment, a reply or an edit. Without JavaScript it posts and the server
 * redirects back to the comment; with htmx the answer (the rendered comment) lands at
 * {@code target} with {@code swap}.
 *
 * @param key makes the ids of this form's elements unique on the page ("new", "reply-12", "edit-7")
 */
public record CommentForm(
        String action,
        String key,
        Long replyTo,
        String label,
        String submit,
        String target,
        String swap,
        Form form,
        String csrf) {

    public static CommentForm forPaper(String paperId, Form form, String csrf) {
        return new CommentForm(
                "/papers/" + paperId + "/comments",
                "new",
                null,
                "Your comment",
                "Post comment",
                "#comment-list",
                "beforeend",
                form,
                csrf);
    }

    public static CommentForm replyTo(String paperId, long commentId, long threadId, Form form, String csrf) {
        return new CommentForm(
                "/papers/" + paperId + "/comments",
                "reply-" + commentId,
                commentId,
                "Your reply",
                "Post reply",
                "#replies-" + threadId,
                "beforeend",
                form,
                csrf);
    }

    public static CommentForm edit(long commentId, Form form, String csrf) {
        return new CommentForm(
                "/comments/" + commentId + "/edit",
                "edit-" + commentId,
                null,
                "Edit your comment",
                "Save",
                "#comment-" + commentId,
                "outerHTML",
                form,
                csrf);
    }

    public String fieldId() {
        return "body-" + key;
    }

    /** The length limit as the hint shows it ("10,000"). */
    public String maxChars() {
        return String.format(java.util.Locale.ROOT, "%,d", CommentService.MAX_BODY_CHARS);
    }
}
