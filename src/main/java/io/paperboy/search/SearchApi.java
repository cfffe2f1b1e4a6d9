package io.paperboy.search;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.paper.ApiPaper;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.web.ApiError;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/papers/search?q=&limit=&p=&ranking=&sort=} in the shape of Hugging Face's paper search: an array
 * of {@code {paper: {…}, publishedAt, title, summary, highlightedTitle, highlightedSummary}}, where
 * {@code paper} is rendered exactly as {@code GET /api/papers/{id}} renders it and the highlighted
 * fields are HTML-escaped text with matches in {@code <mark>}. {@code ranking} is {@code bm25},
 * {@code vectors} or {@code hybrid} (the last two when the server embeds); {@code sort} is
 * {@code relevance} (the default), {@code date} or {@code upvotes}. A bad query, limit, ranking or
 * sort is a 400 with
 * {@code {"error": …}}; when nothing matched exactly and typo-tolerant results are shown, the
 * response carries {@code X-Search-Fuzzy: true}. When no paper matches (not even with a typo), ranking by
 * meaning answers the papers close in meaning to the words (above {@link SearchService#MEANING_FLOOR},
 * within the query's filters), each marked {@code "closeInMeaning": true}, with
 * {@code X-Search-Close-In-Meaning: true}, as the page shows them apart; nonsense answers {@code []}.
 *
 * <p>Pages as {@code /api/daily_papers} does: {@code p} is the page number from 0, {@code limit} its
 * size. {@code X-Total-Count} says how many results the whole list holds (exact; hybrid counts the
 * papers the words match plus those listed for their meaning alone, {@code X-Search-By-Meaning}),
 * and a {@code Link} header names the {@code next} and {@code prev} pages (RFC 8288).
 */
public final class SearchApi {
    public static final int DEFAULT_LIMIT = 20;

    private final SearchService search;
    private final PaperService papers;
    private final Function<List<Paper>, List<ApiPaper>> render;
    private final Ranking defaultRanking;

    /**
     * {@code render} is the paper API's renderer, so a paper looks the same everywhere;
     * {@code defaultRanking} applies when the request names none (hybrid when the server embeds).
     */
    public SearchApi(
            SearchService search,
            PaperService papers,
            Function<List<Paper>, List<ApiPaper>> render,
            Ranking defaultRanking) {
        this.search = search;
        this.papers = papers;
        this.render = render;
        this.defaultRanking = defaultRanking;
    }

    public void searchPapers(Context ctx) {
        SearchResults results;
        int limit;
        int page;
        try {
            limit = limit(ctx.queryParam("limit"));
            page = page(ctx.queryParam("p"));
            results = search.search(
                    ctx.queryParam("q"),
                    (int) Math.min(Integer.MAX_VALUE, (long) page * limit),
                    limit,
                    ranking(ctx.queryParam("ranking")),
                    SearchOrder.parse(ctx.queryParam("sort")));
        } catch (InvalidQueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError(e.getMessage()));
            return;
        }
        if (results.fuzzy()) {
            ctx.header("X-Search-Fuzzy", "true");
        }
        ctx.header("X-Total-Count", Integer.toString(results.total()));
        ctx.header("X-Search-By-Meaning", Integer.toString(results.byMeaning()));
        String links = links(ctx, page, limit, results.total());
        if (!links.isEmpty()) {
            ctx.header("Link", links);
        }
        boolean close = results.hits().isEmpty() && !results.closeInMeaning().isEmpty();
        if (close) {
            ctx.header("X-Search-Close-In-Meaning", "true");
        }
        ctx.json(render(close ? results.closeInMeaning() : results.hits(), close));
    }

    private List<SearchEntry> render(List<SearchHit> hits, boolean close) {
        Map<String, Paper> found =
                papers.findAll(hits.stream().map(SearchHit::paperId).toList());
        // Indexed but no longer in the store: left out, the follower will catch up.
        List<SearchHit> shown =
                hits.stream().filter(hit -> found.containsKey(hit.paperId())).toList();
        // One batch for every paper's votes, comments and extras, not queries per paper.
        List<ApiPaper> rendered =
                render.apply(shown.stream().map(hit -> found.get(hit.paperId())).toList());
        List<SearchEntry> out = new java.util.ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            SearchHit hit = shown.get(i);
            Paper p = found.get(hit.paperId());
            ApiPaper paper = rendered.get(i);
            out.add(new SearchEntry(
                    paper,
                    paper.publishedAt(),
                    p.title(),
                    p.abstractText(),
                    hit.highlightedTitle(),
                    hit.highlightedSummary(),
                    close ? Boolean.TRUE : null));
        }
        return out;
    }

    private Ranking ranking(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            return defaultRanking;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "bm25" -> Ranking.BM25;
            case "vectors" -> Ranking.VECTORS;
            case "hybrid" -> Ranking.HYBRID;
            default -> throw new InvalidQueryException("ranking must be one of: bm25, vectors, hybrid");
        };
    }

    /** The next and previous pages, each the request's own URL with another {@code p}; empty when there are none. */
    private static String links(Context ctx, int page, int limit, int total) {
        List<String> links = new java.util.ArrayList<>();
        long end = (long) (page + 1) * limit;
        if (end < Math.min(total, SearchService.MAX_WINDOW)) {
            links.add("<" + withPage(ctx, page + 1) + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("<" + withPage(ctx, page - 1) + ">; rel=\"prev\"");
        }
        return String.join(", ", links);
    }

    private static String withPage(Context ctx, int page) {
        StringBuilder url = new StringBuilder(ctx.path()).append("?");
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("p")) {
                values.forEach(
                        v -> url.append(enc(name)).append('=').append(enc(v)).append('&'));
            }
        });
        return url.append("p=").append(page).toString();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int page(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("p must be a page number from 0 (got '"
                + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "')");
    }

    private static int limit(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("limit must be a whole number between 1 and " + SearchService.MAX_LIMIT
                    + " (got '" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "')");
        }
    }
}
