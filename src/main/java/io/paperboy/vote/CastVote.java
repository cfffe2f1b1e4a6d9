package io.paperboy.vote;

import java.time.Instant;

/** A member's upvote of a paper at a moment (who cast it is left out: trending needs only when). */
public record CastVote(String paperId, Instant at) {}
