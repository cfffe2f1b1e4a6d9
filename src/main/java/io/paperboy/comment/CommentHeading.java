package io.paperboy.comment;

/**
 * The comments heading with its count, and whether "No comments yet." shows. An htmx answer to a
 * comment write carries it out of band, so the count and the note follow every post, deletion
 * and curator's hide without a reload.
 *
 * @param count the paper's visible comments
 * @param none the visitor sees no comment at all (not even a placeholder)
 */
public record CommentHeading(int count, boolean none) {}
