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
 * @param submitters display names of the members who submitted listed papers, by user name
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
        Map<String, String> submitters) {

    public ListingView {
        papers = List.copyOf(papers);
        submitters = Map.copyOf(submitters);
    }

    /** The display name to show for an entry a member submitted here, else null (imported entries). */
    public String submitter(ListingEntry entry) {
        return entry.bySubmission() ? submitters.getOrDefault(entry.submittedBy(), entry.submittedBy()) : null;
    }

    /** A previous/next link. */
    public record Nav(String label, String href) {}

    public String withFilter(String path) {
        return path + filter.query();
    }
}
