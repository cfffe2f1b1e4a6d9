package io.paperboy.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.paper.PaperService;
import io.paperboy.web.Feed;
import io.paperboy.web.FeedWriter;
import io.paperboy.web.Page;
import io.paperboy.web.PageCache;
import io.paperboy.web.SiteUrl;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Atom, RSS and JSON feeds of a search ({@code /feeds/search.atom?q=…}): follow a topic in a reader. */
public final class SearchFeeds {
    private final SearchService search;
    private final PaperService papers;
    private final Ranking ranking;
    private final FeedWriter writer = new FeedWriter();
    private final SiteUrl site;

    /** Links in the feeds start with {@code site}, never with the request's Host header. */
    public SearchFeeds(SearchService search, PaperService papers, Ranking ranking, SiteUrl site) {
        this.site = site;
        this.search = search;
        this.papers = papers;
        this.ranking = ranking;
    }

    static List<Page.FeedLink> links(String q) {
        String query = "?q=" + PaperLinks.encode(q);
        return List.of(
                new Page.FeedLink("Atom", "application/atom+xml", "/feeds/search.atom" + query),
                new Page.FeedLink("RSS", "application/rss+xml", "/feeds/search.rss" + query),
                new Page.FeedLink("JSON Feed", "application/feed+json", "/feeds/search.json" + query));
    }

    public void feed(Context ctx) {
        FeedWriter.Format format;
        try {
            format = FeedWriter.Format.of(ctx.pathParam("format"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage().replaceAll("\\p{Cntrl}", "?"));
        }
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadRequestResponse("a search feed needs a query: /feeds/search.atom?q=…");
        }
        List<SearchHit> hits;
        try {
            hits = search.search(q, SearchPages.LIMIT, ranking).hits();
        } catch (InvalidQueryException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        String base = site.base();
        List<Feed.Item> items = items(base, hits);
        // Dated by its newest paper, or now when nothing matches (Feed works it out: never 1970-01-01).
        Feed feed = new Feed(
                base + ctx.path() + "?q=" + PaperLinks.encode(q),
                "Search: " + q + " · Paperboy",
                "Papers matching " + q,
                base + "/papers?q=" + PaperLinks.encode(q),
                null,
                items);
        // Ordered by relevance (the index, which the cache's version follows), showing no votes: only
        // changes to the papers it lists drop it.
        PageCache.shows(ctx, hits.stream().map(SearchHit::paperId).toList(), false);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(format.mediaType()).result(writer.write(feed, format));
    }

    private List<Feed.Item> items(String base, List<SearchHit> hits) {
        Map<String, Paper> found =
                papers.findAll(hits.stream().map(SearchHit::paperId).toList());
        List<Feed.Item> items = new ArrayList<>();
        for (SearchHit hit : hits) {
            Paper p = found.get(hit.paperId());
            if (p != null) {
                String url = base + PaperLinks.page(p);
                Instant date = p.knownDate()
                        .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC))
                        .orElse(null);
                items.add(new Feed.Item(url, p.title(), url, p.authors(), p.abstractText(), date));
            }
        }
        return items;
    }
}
