package io.paperboy.listing;

import io.paperboy.web.Page;
import java.util.List;
import java.util.Map;

/**
 * What a listing page shows.
 *
 * @param section which tab is current: daily, weekly, monthly or trending
 * @param basePath the page's path without filters, for the filter form and its links
 * @param previous link to the previous period (null on trending)
 * @param empty what to say when no paper is listed
 * @param commentCounts visible comments per paper id (absent: none)
 */
public record ListingView(
        Page page,
        String section,
        String heading,
        String basePath,
        List<ListedPaper> papers,
        Nav previous,
        Nav next,
        ListingFilter filter,
        String empty,
        Map<String, Integer> commentCounts) {

    public ListingView {
        papers = List.copyOf(papers);
        commentCounts = Map.copyOf(commentCounts);
    }

    /** The view without comment counts: every card shows none. */
    public ListingView(Page page, String section, String heading, String basePath, List<ListedPaper> papers, Nav previous,
            Nav next, ListingFilter filter, String empty) {
        this(page, section, heading, basePath, papers, previous, next, filter, empty, Map.of());
    }

    /** The same view with each paper's visible comment count. */
    public ListingView withCommentCounts(Map<String, Integer> counts) {
        return new ListingView(page, section, heading, basePath, papers, previous, next, filter, empty, counts);
    }

    public int comments(ListedPaper item) {
        return commentCounts.getOrDefault(item.paper().id(), 0);
    }

    /** A previous/next link. */
    public record Nav(String label, String href) {}

    public String withFilter(String path) {
        return path + filter.query();
    }
}
