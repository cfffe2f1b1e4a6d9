package io.paperboy.paper;

/**
 * A paper's upvotes as its page shows them (the vote and listing features supply these).
 *
 * @param count imported from its sources plus members' votes
 * @param upvotedByViewer whether the signed-in member looking has upvoted it (false for anyone else)
 */
public record Upvotes(int count, boolean upvotedByViewer) {}
