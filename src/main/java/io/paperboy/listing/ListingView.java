package io.paperboy.listing;

import io.paperboy.web.Page;
import java.util.List;

/**
 * What a listing page shows.
 *
 * @param section which tab is current: daily, weekly, monthly or trending
 * @param basePath the page's path without filters, for the filter form and its links
 * @param previous link to the previous period (null on trending)
 * @param empty what to say when no paper is listed
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
        String empty) {

    public ListingView {
        papers = List.copyOf(papers);
    }

    /** A previous/next link. */
    public record Nav(String label, String href) {}

    public String withFilter(String path) {
        return path + filter.query();
    }
}
