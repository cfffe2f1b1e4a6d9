package io.paperboy.mcp;

import static io.paperboy.mcp.McpTool.arguments;
import static io.paperboy.mcp.McpTool.choice;
import static io.paperboy.mcp.McpTool.flag;
import static io.paperboy.mcp.McpTool.text;
import static io.paperboy.mcp.McpTool.whole;

import io.paperboy.listing.ListedPaper;
import io.paperboy.listing.ListingFilter;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.Period;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.paper.Related;
import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchHit;
import io.paperboy.search.SearchOrder;
import io.paperboy.search.SearchResults;
import io.paperboy.search.SearchService;
import io.paperboy.web.SiteUrl;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * The tools anyone may call without a token: search, one paper, the day's / week's / month's
 * featured papers, trending, and papers similar to one. Each answers the same papers as the
 * site's pages and JSON API, as Markdown.
 */
public final class ReadTools {
    static final int MAX_SEARCH = 50;
    static final int MAX_LIST = 100;
    private static final List<String> MODES = List.of("keyword", "hybrid", "meaning");
    private static final List<String> SORTS = List.of("relevance", "date", "upvotes");
    // The filters every listing tool takes.
    private static final Map<String, Object> CATEGORY =
            text("arXiv category such as cs.CL, or an archive such as cs for all of its categories");
    private static final Map<String, Object> HAS_CODE = flag("only papers with a code repository");
    private static final Map<String, Object> LIMIT = whole("how many papers", 1, MAX_LIST, 20);

    private final SearchService search;
    private final Ranking defaultRanking;
    private final PaperService papers;
    private final ListingService listings;
    private final BiFunction<String, Integer, List<Related>> similar;
    private final ToIntFunction<String> upvotes;
    private final PaperMarkdown markdown;

    /**
     * {@code similar} gives the papers like one, best first (the similar-papers API's); {@code upvotes}
     * a paper's count as the pages show it; {@code defaultRanking} is the site's (hybrid when it embeds).
     */
    public ReadTools(
            SearchService search,
            Ranking defaultRanking,
            PaperService papers,
            ListingService listings,
            BiFunction<String, Integer, List<Related>> similar,
            ToIntFunction<String> upvotes,
            SiteUrl site) {
        this.search = search;
        this.defaultRanking = defaultRanking;
        this.papers = papers;
        this.listings = listings;
        this.similar = similar;
        this.upvotes = upvotes;
        this.markdown = new PaperMarkdown(site);
    }

    List<McpTool> tools() {
        return List.of(
                new McpTool(
                        "search_papers",
                        "Search papers",
                        "Search every paper the site knows. The query language: words, \"exact phrases\", "
                                + "author:\"Name\", cat:cs.CL (or cat:cs), an arXiv id or arxiv.org / huggingface.co "
                                + "paper address (that paper), year:2024 or year:2020..2022, "
                                + "date:2024-01..2024-06, -word / -cat:x to exclude, a AND b to require both, "
                                + "a OR b and (a OR b) for alternatives. mode 'keyword' ranks by "
                                + "BM25, 'meaning' by embeddings, 'hybrid' fuses both (meaning and hybrid need a "
                                + "site that embeds papers; the default is the site's own).",
                        arguments(
                                "query",
                                text("the search, in the site's query language"),
                                "mode",
                                choice("how to rank: keyword, hybrid or meaning", MODES),
                                "sort",
                                choice("relevance (default), date (newest first) or upvotes", SORTS),
                                "limit",
                                whole("how many papers", 1, MAX_SEARCH, 10)),
                        List.of("query"),
                        true,
                        (args, caller) -> searchPapers(args)),
                new McpTool(
                        "get_paper",
                        "Get a paper",
                        "One paper as Markdown: title, authors, dates, categories, links (arXiv, PDF, code, "
                                + "models), upvotes and the abstract.",
                        arguments(
                                "id",
                                text("the paper's id: an arXiv id such as 2306.15794 (a version or "
                                        + "'arXiv:' prefix is fine) or the site's own pb-… id")),
                        List.of("id"),
                        true,
                        (args, caller) -> getPaper(args)),
                periodTool(
                        "daily_papers",
                        "Daily papers",
                        "The papers featured on one day, most upvoted first (default: the latest day with papers).",
                        "date",
                        "the day, YYYY-MM-DD",
                        Period.Kind.DAY),
                periodTool(
                        "weekly_papers",
                        "Weekly papers",
                        "The papers featured in one ISO week, most upvoted first (default: the latest day's week).",
                        "week",
                        "the ISO week, YYYY-Www such as 2024-W20",
                        Period.Kind.WEEK),
                periodTool(
                        "monthly_papers",
                        "Monthly papers",
                        "The papers featured in one month, most upvoted first (default: the latest day's month).",
                        "month",
                        "the month, YYYY-MM",
                        Period.Kind.MONTH),
                new McpTool(
                        "trending_papers",
                        "Trending papers",
                        "The papers trending now (recent upvotes weigh most), each with why it trends.",
                        arguments("category", CATEGORY, "has_code", HAS_CODE, "limit", LIMIT),
                        List.of(),
                        true,
                        (args, caller) -> trending(args)),
                new McpTool(
                        "similar_papers",
                        "Similar papers",
                        "Papers like the given one, closest first, as the paper's page lists them.",
                        arguments("id", text("the paper's id"), "limit", whole("how many papers", 1, MAX_SEARCH, 10)),
                        List.of("id"),
                        true,
                        (args, caller) -> similarPapers(args)));
    }

    // The papers featured in one period of kind, named by the argument periodArgument.
    private McpTool periodTool(
            String name, String title, String description, String periodArgument, String periodText, Period.Kind kind) {
        return new McpTool(
                name,
                title,
                description,
                arguments(periodArgument, text(periodText), "category", CATEGORY, "has_code", HAS_CODE, "limit", LIMIT),
                List.of(),
                true,
                (args, caller) -> featured(args, periodArgument, kind));
    }

    private String searchPapers(ToolArguments args) {
        args.allowOnly(List.of("query", "mode", "sort", "limit"));
        String query = args.requiredText("query");
        String mode = args.oneOf("mode", MODES, null);
        String sort = args.oneOf("sort", SORTS, "relevance");
        int limit = args.whole("limit", 10, 1, MAX_SEARCH);
        SearchResults results;
        try {
            results = search.search(query, limit, ranking(mode), SearchOrder.parse(sort));
        } catch (InvalidQueryException e) {
            throw new ToolError("argument 'query' cannot be run: " + e.getMessage());
        }
        boolean close = results.hits().isEmpty() && !results.closeInMeaning().isEmpty();
        List<SearchHit> hits = close ? results.closeInMeaning() : results.hits();
        Map<String, Paper> found =
                papers.findAll(hits.stream().map(SearchHit::paperId).toList());
        List<String> entries = new ArrayList<>();
        for (SearchHit hit : hits) {
            Paper p = found.get(hit.paperId());
            if (p != null) {
                entries.add(markdown.entry(
                        entries.size() + 1,
                        p,
                        upvotes.applyAsInt(p.id()),
                        close ? "no paper contains these words; this one is close in meaning" : null));
            }
        }
        String heading = "Papers for \"" + query + "\""
                + (results.fuzzy() ? " (nothing matched exactly; " + "these match with a typo's tolerance)" : "");
        return PaperMarkdown.list(
                heading, entries, "No paper matches. Try fewer words, or mode 'hybrid' to rank by meaning.");
    }

    private Ranking ranking(String mode) {
        if (mode == null) {
            return defaultRanking;
        }
        return switch (mode) {
            case "keyword" -> Ranking.BM25;
            case "meaning" -> Ranking.VECTORS;
            default -> Ranking.HYBRID;
        };
    }

    private String getPaper(ToolArguments args) {
        args.allowOnly(List.of("id"));
        Paper p = paper(args.paperId("id"));
        return markdown.paper(p, upvotes.applyAsInt(p.id()));
    }

    private String featured(ToolArguments args, String periodArgument, Period.Kind kind) {
        args.allowOnly(List.of(periodArgument, "category", "has_code", "limit"));
        String raw = args.text(periodArgument);
        Period period;
        try {
            period = raw != null ? Period.parse(kind, raw) : latest(kind);
        } catch (IllegalArgumentException e) {
            throw new ToolError("argument '" + periodArgument + "': " + e.getMessage());
        }
        List<ListedPaper> listed = listings.featured(period, filter(args));
        List<String> entries = new ArrayList<>();
        for (ListedPaper p : listed.subList(0, Math.min(listed.size(), args.whole("limit", 20, 1, MAX_LIST)))) {
            String by = p.entry().submittedBy();
            entries.add(markdown.entry(
                    entries.size() + 1,
                    p.paper(),
                    p.upvotes(),
                    "featured on " + p.entry().day() + (by == null ? "" : ", submitted by " + by)));
        }
        return PaperMarkdown.list(
                period.title() + " (" + period.key() + ")",
                entries,
                "No papers were featured in " + period.title() + (listed.isEmpty() ? "" : " that pass the filter")
                        + ".");
    }

    private Period latest(Period.Kind kind) {
        LocalDate day = listings.latestDay().orElse(LocalDate.now());
        return switch (kind) {
            case DAY -> Period.day(day);
            case WEEK -> Period.weekOf(day);
            case MONTH -> Period.month(YearMonth.from(day));
        };
    }

    private String trending(ToolArguments args) {
        args.allowOnly(List.of("category", "has_code", "limit"));
        ListingFilter filter = filter(args);
        int limit = args.whole("limit", 20, 1, MAX_LIST);
        List<ListedPaper> listed = listings.trending(filter);
        List<String> entries = new ArrayList<>();
        for (ListedPaper p : listed.subList(0, Math.min(listed.size(), limit))) {
            entries.add(markdown.entry(
                    entries.size() + 1,
                    p.paper(),
                    p.upvotes(),
                    p.trend() == null ? null : p.trend().why()));
        }
        return PaperMarkdown.list("Trending papers", entries, "No paper trends now.");
    }

    private String similarPapers(ToolArguments args) {
        args.allowOnly(List.of("id", "limit"));
        Paper p = paper(args.paperId("id"));
        int limit = args.whole("limit", 10, 1, MAX_SEARCH);
        List<String> entries = new ArrayList<>();
        for (Related like : similar.apply(p.id(), limit)) {
            entries.add(markdown.entry(
                    entries.size() + 1,
                    like.paper(),
                    upvotes.applyAsInt(like.paper().id()),
                    like.why()));
        }
        // Similar means near by embedding: a site without embeddings (or before they are computed) has none.
        return PaperMarkdown.list(
                "Papers like \"" + p.title().strip() + "\" (" + p.id() + ")",
                entries,
                "No similar papers are known yet: they are found by meaning, and this site has no embedding of this paper.");
    }

    private Paper paper(String id) {
        return papers.find(id).orElseThrow(() -> new ToolError("no paper with id " + id + " on this site"));
    }

    private static ListingFilter filter(ToolArguments args) {
        String category = args.text("category");
        boolean code = args.flag("has_code", false);
        try {
            return ListingFilter.parse(category, code ? "1" : "0");
        } catch (IllegalArgumentException e) {
            throw new ToolError("argument 'category': " + e.getMessage());
        }
    }
}
