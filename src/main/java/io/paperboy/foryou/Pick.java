package io.paperboy.foryou;

/**
 * One stored "for you" pick: a paper for the member, and the liked paper it is most like
 * ({@code becauseId}), which they {@code upvoted} or saved. Ids only: readers load the papers.
 */
public record Pick(String paperId, String becauseId, boolean upvoted) {}
