package io.paperboy.search;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /papers?q=&sort=&page=}: the search page at Hugging Face's URL, {@value #LIMIT} results a
 * page with their count and links to the next and previous pages. Works as a plain form; with
 * JavaScript, htmx refreshes the results as you type. A query that cannot run is a 400 page that
 * says why and keeps what was typed.
 */
public final class SearchPages {
    static final int LIMIT = 50;
    /** The last page number: pages stop at {@link SearchService#MAX_WINDOW} results. */
    static final int MAX_PAGE = SearchService.MAX_WINDOW / LIMIT;

    private final SearchService search;
    private final PaperService papers;
    private final Ranking ranking;
    private final SearchCards cards;

    /** {@code cards} gives the result cards their votes, saves and comment counts (other features'). */
    public SearchPages(SearchService search, PaperService papers, Ranking ranking, SearchCards cards) {
        this.search = search;
        this.papers = papers;
        this.ranking = ranking;
        this.cards = cards;
    }

    public void page(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            render(
                    ctx,
                    SearchView.form(
                            Page.of(ctx, "Search papers", "Search every paper by keyword and meaning", "/papers")));
            return;
        }
        SearchView.Query query = new SearchView.Query(q, SearchOrder.RELEVANCE, 1);
        Page page = Page.of(ctx, "Search: " + q, "Papers matching " + q, SearchView.href(q, ctx.queryParam("sort"), 1))
                .withFeeds(SearchFeeds.links(q));
        try {
            query = new SearchView.Query(
                    q, SearchOrder.parse(ctx.queryParam("sort")), pageNumber(ctx.queryParam("page")));
            SearchResults results = search.search(q, (query.page() - 1) * LIMIT, LIMIT, ranking, query.sort());
            render(
                    ctx,
                    new SearchView(
                            page,
                            query,
                            results(results.hits()),
                            results.fuzzy(),
                            results(results.closeInMeaning()),
                            results.total(),
                            results.byMeaning(),
                            null,
                            cards.of(page.member(), ids(results))));
        } catch (InvalidQueryException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT); // the search form refused for its content
            render(ctx, SearchView.refused(page.withFeeds(List.of()), query, e.getMessage()));
        }
    }

    private static List<String> ids(SearchResults results) {
        List<String> ids = new ArrayList<>();
        results.hits().forEach(h -> ids.add(h.paperId()));
        results.closeInMeaning().forEach(h -> ids.add(h.paperId()));
        return ids;
    }

    private static int pageNumber(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new InvalidQueryException("page must be a whole number from 1 to " + MAX_PAGE
                + " (search lists the first " + SearchService.MAX_WINDOW + " results)");
    }

    private List<SearchView.Result> results(List<SearchHit> hits) {
        Map<String, Paper> found =
                papers.findAll(hits.stream().map(SearchHit::paperId).toList());
        List<SearchView.Result> results = new ArrayList<>();
        for (SearchHit hit : hits) {
            Paper paper = found.get(hit.paperId());
            if (paper != null) {
                results.add(new SearchView.Result(paper, hit.highlightedTitle(), hit.highlightedSummary()));
            }
        }
        return results;
    }

    private static void render(Context ctx, SearchView view) {
        ctx.header("Cache-Control", "no-cache");
        Templates.page(ctx, "search/search.jte", view);
    }
}
