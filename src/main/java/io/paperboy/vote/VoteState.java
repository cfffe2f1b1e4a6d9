package io.paperboy.vote;

/**
 * Where a member's vote on a paper stands after an upvote or its removal.
 *
 * @param upvotes the paper's upvotes as shown: imported with its listings plus members'
 * @param upvoted whether this member has
 * @param changed whether the request changed anything (a second upvote does not)
 */
public record VoteState(String paperId, int upvotes, boolean upvoted, boolean changed) {}
