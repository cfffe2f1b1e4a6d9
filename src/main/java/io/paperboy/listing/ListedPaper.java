package io.paperboy.listing;

import io.paperboy.paper.Paper;

/**
 * A paper as a listing shows it: the paper, the entry that featured it, its upvotes (imported
 * from its sources plus members' votes here) and, on trending, why it trends (else null).
 */
public record ListedPaper(Paper paper, ListingEntry entry, int upvotes, Trend trend) {
    /** Before votes are counted: the entry's imported upvotes. */
    public ListedPaper(Paper paper, ListingEntry entry) {
        this(paper, entry, entry.upvotes(), null);
    }
}
