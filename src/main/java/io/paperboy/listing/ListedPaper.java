package io.paperboy.listing;

import io.paperboy.paper.Paper;

/**
 * A paper as a listing shows it: the paper, the entry that featured it, its upvotes (imported
 * from its sources plus members' votes here) and, on trending, why it trends (else null).
 */
public record ListedPaper(Paper paper, ListingEntry entry, int upvotes, Trend trend) {}
