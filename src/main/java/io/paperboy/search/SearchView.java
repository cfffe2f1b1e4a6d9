package io.paperboy.search;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.web.Page;
import java.util.List;

/**
 * What the search page shows: the query, a page of its results with highlighted title and
 * snippet and each card's controls, how many results there are, and why a query could not run.
 *
 * @param close when nothing matched, papers close in meaning to the query (shown apart)
 * @param total how many results the whole list holds (see {@link SearchResults#total()})
 * @param byMeaning how many of them contain none of the words and are listed for their meaning
 * @param error the reason the query was refused, or null
 */
public record SearchView(
        Page page,
        Query query,
        List<Result> results,
        boolean fuzzy,
        List<Result> close,
        int total,
        int byMeaning,
        String error,
        SearchCards.Controls controls) {
    public SearchView {
        results = List.copyOf(results);
        close = List.copyOf(close);
    }

    /** The empty form. */
    static SearchView form(Page page) {
        return new SearchView(
                page,
                new Query("", SearchOrder.RELEVANCE, 1),
                List.of(),
                false,
                List.of(),
                0,
                0,
                null,
                SearchCards.Controls.NONE);
    }

    /** A query that could not run, and why. */
    static SearchView refused(Page page, Query query, String error) {
        return new SearchView(page, query, List.of(), false, List.of(), 0, 0, error, SearchCards.Controls.NONE);
    }

    /** What was asked: the words, the order, and the page number (from 1). */
    public record Query(String q, SearchOrder sort, int page) {}

    /** One result; the highlighted fields are HTML-escaped text with matches in {@code <mark>}, or null. */
    public record Result(Paper paper, String highlightedTitle, String highlightedSummary) {}

    /** The search page's address for {@code q} in order {@code sort} (null or blank: relevance), page {@code page}. */
    static String href(String q, String sort, int page) {
        return "/papers?q=" + PaperLinks.encode(q)
                + (sort == null || sort.isBlank() ? "" : "&sort=" + PaperLinks.encode(sort))
                + (page > 1 ? "&page=" + page : "");
    }

    public String q() {
        return query.q();
    }

    public SearchOrder sort() {
        return query.sort();
    }

    /** The orders the page offers, in the order shown. */
    public List<SearchOrder> orders() {
        return List.of(SearchOrder.values());
    }

    public boolean searched() {
        return q() != null && !q().isBlank();
    }

    /**
     * When nothing matched a query that names a paper by its arXiv id or address: that id (the
     * paper is not on this site, and may be submitted); otherwise null.
     */
    public String missingPaper() {
        if (!searched() || total > 0 || error != null) {
            return null;
        }
        try {
            return SearchQueryParser.parse(q()).papers().stream().findFirst().orElse(null);
        } catch (InvalidQueryException e) {
            return null;
        }
    }

    /** This page's address with another page number (the query and order kept). */
    public String pageHref(int page) {
        return href(q(), sort() == SearchOrder.RELEVANCE ? null : sort().param(), page);
    }

    /** The position of this page's first result in the whole list, from 1. */
    public int first() {
        return (query.page() - 1) * SearchPages.LIMIT + 1;
    }

    /** The position of this page's last result. */
    public int last() {
        return first() + results.size() - 1;
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    /** Whether a next page lists more: the list goes on, and pages stop at {@link SearchService#MAX_WINDOW}. */
    public boolean hasNext() {
        return query.page() * SearchPages.LIMIT < Math.min(total, SearchService.MAX_WINDOW);
    }

    /** Whether the list goes on past the last page the site lists. */
    public boolean truncated() {
        return total > SearchService.MAX_WINDOW;
    }

    /** "12 papers match", "1 paper matches". */
    public String countText() {
        return String.format(java.util.Locale.ROOT, "%,d %s", total, total == 1 ? "paper matches" : "papers match");
    }

    /** How the count splits when papers entered by meaning alone, else null. */
    public String meaningText() {
        if (byMeaning == 0) {
            return null;
        }
        int words = total - byMeaning;
        return String.format(
                java.util.Locale.ROOT,
                "%,d %s your words; %,d more %s none of them but %s close in meaning",
                words,
                words == 1 ? "contains" : "contain",
                byMeaning,
                byMeaning == 1 ? "contains" : "contain",
                byMeaning == 1 ? "is" : "are");
    }

    /** The CSRF token card forms carry; null for visitors and unconfirmed members, who get links instead. */
    public String csrf() {
        return page.member() == null ? null : page.visitor().csrfToken();
    }

    /** A member whose address is not confirmed yet: the vote button links to settings instead of a refused form. */
    public boolean confirmFirst() {
        return page.member() != null && !page.member().verified();
    }

    /** The CSRF token of vote forms: only confirmed members may vote. */
    public String voteCsrf() {
        return confirmFirst() ? null : csrf();
    }

    public int upvotes(Paper p) {
        return controls.upvotes().getOrDefault(p.id(), 0);
    }

    public boolean upvoted(Paper p) {
        return controls.upvoted().contains(p.id());
    }

    public boolean saved(Paper p) {
        return controls.saved().contains(p.id());
    }

    public int comments(Paper p) {
        return controls.comments().getOrDefault(p.id(), 0);
    }

    /** Where card forms send the browser back to without JavaScript: this page. */
    public String back() {
        return searched() ? pageHref(query.page()) : "/papers";
    }
}
