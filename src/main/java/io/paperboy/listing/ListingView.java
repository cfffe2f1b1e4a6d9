package io.paperboy.listing;

import io.paperboy.web.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Map;

/**
 * What a listing page shows.
 *
 * @param section which tab is current: daily, weekly, monthly or trending
 * @param basePath the page's path without filters, for the filter form and its links
 * @param previous link to the previous period (null on trending)
 * @param empty what to say when no paper is listed
 * @param upvoted the papers the signed-in member has upvoted (none for anonymous visitors)
 * @param submitters display names of the members who submitted listed papers, by user name
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
        Set<String> upvoted,
        Map<String, String> submitters,
        Map<String, Integer> commentCounts) {

    public ListingView {
        papers = List.copyOf(papers);
        upvoted = Set.copyOf(upvoted);
        submitters = Map.copyOf(submitters);
        commentCounts = Map.copyOf(commentCounts);
    }

    /** The view without comment counts: every card shows none. */
    public ListingView(Page page, String section, String heading, String basePath, List<ListedPaper> papers, Nav previous,
            Nav next, ListingFilter filter, String empty, Set<String> upvoted, Map<String, String> submitters) {
        this(page, section, heading, basePath, papers, previous, next, filter, empty, upvoted, submitters, Map.of());
    }

    /** The same view with each paper's visible comment count. */
    public ListingView withCommentCounts(Map<String, Integer> counts) {
        return new ListingView(page, section, heading, basePath, papers, previous, next, filter, empty, upvoted,
                submitters, counts);
    }

    public int comments(ListedPaper item) {
        return commentCounts.getOrDefault(item.paper().id(), 0);
    }

    public boolean upvoted(ListedPaper item) {
        return upvoted.contains(item.paper().id());
    }

    /**
     * The CSRF token vote buttons carry; null for those who may not vote, who get a link instead: to
     * the login page for visitors, to settings (which mail the confirmation link) for unconfirmed members.
     */
    public String csrf() {
        return page.member() == null || !page.member().verified() ? null : page.visitor().csrfToken();
    }

    /** A member whose address is not confirmed yet: the vote button says so instead of offering a refused form. */
    public boolean confirmFirst() {
        return page.member() != null && !page.member().verified();
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
