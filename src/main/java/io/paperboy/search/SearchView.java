package io.paperboy.search;

import io.paperboy.paper.Paper;
import io.paperboy.web.Page;
import java.util.List;

/**
 * What the search page shows: the query, its results with highlighted title and snippet, and
 * why a query could not run.
 *
 * @param close when nothing matched, papers close in meaning to the query (shown apart)
 * @param error the reason the query was refused, or null
 */
public record SearchView(Page page, String q, SearchOrder sort, List<Result> results, boolean fuzzy, List<Result> close,
        String error) {
    public SearchView {
        results = List.copyOf(results);
        close = List.copyOf(close);
    }

    /** One result; the highlighted fields are HTML-escaped text with matches in {@code <mark>}, or null. */
    public record Result(Paper paper, String highlightedTitle, String highlightedSummary) {}

    /** The orders the page offers, in the order shown. */
    public List<SearchOrder> orders() {
        return List.of(SearchOrder.values());
    }

    public boolean searched() {
        return q != null && !q.isBlank();
    }
}
