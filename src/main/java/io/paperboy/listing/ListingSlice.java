package io.paperboy.listing;

import java.util.List;

/**
 * One page of a listing: its papers, which page it is (from 0) and whether another follows. The
 * store is asked for one paper more than a page holds, so no count is needed to know (as Lobsters
 * pages its stories).
 */
public record ListingSlice(List<ListedPaper> papers, int page, int perPage, boolean hasNext) {
    /** How many papers a listing page shows. */
    public static final int PER_PAGE = 50;

    public ListingSlice {
        papers = List.copyOf(papers);
    }

    /** The rank of the first paper on this page, from 1. */
    public int firstRank() {
        return page * perPage + 1;
    }
}
