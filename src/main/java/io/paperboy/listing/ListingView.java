package io.paperboy.listing;

import io.paperboy.paper.PaperExtras;
import io.paperboy.web.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param calendar the month around the period on show, as a date picker (null on trending)
 * @param notice what the page says first, e.g. that the member's submission is now listed (null: nothing)
 * @param extras key phrases, GitHub stars and Hub links per paper id (absent: none), shown compactly on each card
 * @param pages where this page of a long listing sits, with links to the pages beside it (null: one page)
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
        Map<String, Integer> commentCounts,
        MonthCalendar calendar,
        String notice,
        Map<String, PaperExtras> extras,
        Pages pages) {

    public ListingView {
        papers = List.copyOf(papers);
        upvoted = Set.copyOf(upvoted);
        submitters = Map.copyOf(submitters);
        commentCounts = Map.copyOf(commentCounts);
        extras = Map.copyOf(extras);
    }

    /** The view without comment counts: every card shows none. */
    public ListingView(
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
            Map<String, String> submitters) {
        this(
                page,
                section,
                heading,
                basePath,
                papers,
                previous,
                next,
                filter,
                empty,
                upvoted,
                submitters,
                Map.of(),
                null,
                null,
                Map.of(),
                null);
    }

    /** The same view with each paper's visible comment count. */
    public ListingView withCommentCounts(Map<String, Integer> counts) {
        return adding(counts, calendar, notice, extras, pages);
    }

    /** The same view with {@code month} as its date picker. */
    public ListingView withCalendar(MonthCalendar month) {
        return adding(commentCounts, month, notice, extras, pages);
    }

    /** The same view saying {@code text} above the list. */
    public ListingView withNotice(String text) {
        return adding(commentCounts, calendar, text, extras, pages);
    }

    /** The same view with each paper's key phrases, stars and Hub links. */
    public ListingView withExtras(Map<String, PaperExtras> found) {
        return adding(commentCounts, calendar, notice, found, pages);
    }

    /** The same view as page {@code slice} of a longer listing. */
    public ListingView withPages(ListingSlice slice) {
        String newer = slice.page() == 0 ? null : pageHref(slice.page() - 1);
        String older = slice.hasNext() ? pageHref(slice.page() + 1) : null;
        return adding(commentCounts, calendar, notice, extras, new Pages(slice.firstRank(), newer, older));
    }

    // The same listing with these additions (the parts the withers above set one at a time).
    private ListingView adding(
            Map<String, Integer> counts, MonthCalendar month, String text, Map<String, PaperExtras> found, Pages at) {
        return new ListingView(
                page,
                section,
                heading,
                basePath,
                papers,
                previous,
                next,
                filter,
                empty,
                upvoted,
                submitters,
                counts,
                month,
                text,
                found,
                at);
    }

    // Page 0 is the listing's own address; later pages add ?p=N beside the filters.
    private String pageHref(int n) {
        String filters = filter.query();
        if (n == 0) {
            return basePath + filters;
        }
        return basePath + (filters.isEmpty() ? "?" : filters + "&") + "p=" + n;
    }

    /**
     * Where a page of a long listing sits: the rank of its first paper, and links to the more
     * upvoted papers before it and the less upvoted after it (null: none).
     */
    public record Pages(int firstRank, String previous, String next) {}

    /** The rank of the page's first card: 1 on the first page. */
    public int firstRank() {
        return pages == null ? 1 : pages.firstRank();
    }

    /** The card's paper's extras (none: {@link PaperExtras#NONE}). */
    public PaperExtras extras(ListedPaper item) {
        return extras.getOrDefault(item.paper().id(), PaperExtras.NONE);
    }

    /** The month page opens the calendar; day and week pages keep it folded. */
    public boolean calendarOpen() {
        return "monthly".equals(section);
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
        return page.member() == null || !page.member().verified()
                ? null
                : page.visitor().csrfToken();
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
