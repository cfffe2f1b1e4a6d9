package io.paperboy.search;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.paper.PaperService;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /papers?q=}: the search page at Hugging Face's URL. Works as a plain form; with
 * JavaScript, htmx refreshes the results as you type. A query that cannot run is a 400 page
 * that says why and keeps what was typed.
 */
public final class SearchPages {
    static final int LIMIT = 50;

    private final SearchService search;
    private final PaperService papers;
    private final Ranking ranking;

    public SearchPages(SearchService search, PaperService papers, Ranking ranking) {
        this.search = search;
        this.papers = papers;
        this.ranking = ranking;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/papers", this::page);
    }

    private void page(Context ctx) {
        String q = ctx.queryParam("q");
        String sort = ctx.queryParam("sort");
        if (q == null || q.isBlank()) {
            render(ctx, new SearchView(Page.of(ctx, "Search papers", "Search every paper by keyword and meaning", "/papers"),
                    "", SearchOrder.RELEVANCE, List.of(), false, List.of(), null));
            return;
        }
        Page page = Page.of(ctx, "Search: " + q, "Papers matching " + q, "/papers?q=" + PaperLinks.encode(q)
                + (sort == null || sort.isBlank() ? "" : "&sort=" + PaperLinks.encode(sort))).withFeeds(SearchFeeds.links(q));
        SearchOrder order = SearchOrder.RELEVANCE;
        try {
            order = SearchOrder.parse(sort);
            SearchResults results = search.search(q, LIMIT, ranking, order);
            render(ctx, new SearchView(page, q, order, results(results.hits()), results.fuzzy(),
                    results(results.closeInMeaning()), null));
        } catch (InvalidQueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, new SearchView(page.withFeeds(List.of()), q, order, List.of(), false, List.of(), e.getMessage()));
        }
    }

    private List<SearchView.Result> results(List<SearchHit> hits) {
        Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::paperId).toList());
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
