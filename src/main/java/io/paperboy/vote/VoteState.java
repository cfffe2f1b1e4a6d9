package io.paperboy.vote;

/**
 * Where a member's vote on a paper stands after an upvote or its removal.
 *
 * @param memberVotes how many members have upvoted the paper (imported counts not included)
 * @param upvoted whether this member has
 * @param changed whether the request changed anything (a second upvote does not)
 */
public record VoteState(String paperId, int memberVotes, boolean upvoted, boolean changed) {}
