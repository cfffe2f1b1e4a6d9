package io.paperboy.listing;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.web.Feed;
import io.paperboy.web.FeedWriter;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.SiteUrl;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Atom, RSS and JSON feeds of a day's listing ({@code /feeds/daily.atom?date=…}, the latest day
 * by default) and of trending ({@code /feeds/trending.rss}), with the listing filters.
 */
public final class ListingFeeds {
    private final ListingService listings;
    private final SiteUrl site;
    private final FeedWriter writer = new FeedWriter();

    /** Links in the feeds start with {@code site}, never with the request's Host header. */
    public ListingFeeds(ListingService listings, SiteUrl site) {
        this.listings = listings;
        this.site = site;
    }

    public void daily(Context ctx) {
        FeedWriter.Format format = format(ctx);
        String date = ctx.queryParam("date");
        Period period = date == null
                ? Period.day(listings.latestDay().orElse(LocalDate.now()))
                : ListingPages.parse(Period.Kind.DAY, date);
        ListingFilter filter = ListingPages.filter(ctx);
        String base = site.base();
        List<ListedPaper> papers = listings.featured(period, filter);
        Feed feed = feed(
                base,
                base + ctx.path() + query(ctx),
                "Papers of " + period.title(),
                base + period.path() + filter.query(),
                papers,
                period.start().atStartOfDay().toInstant(ZoneOffset.UTC));
        // Ordered by votes: a vote on one of the day's papers reorders it, a vote elsewhere does not.
        ListingTopics.declare(ctx, listings, period, papers, filter.equals(ListingFilter.NONE));
        send(ctx, feed, format);
    }

    public void trending(Context ctx) {
        FeedWriter.Format format = format(ctx);
        ListingFilter filter = ListingPages.filter(ctx);
        String base = site.base();
        Feed feed = feed(
                base,
                base + ctx.path() + query(ctx),
                "Trending papers",
                base + "/papers/trending" + filter.query(),
                listings.trending(filter),
                null);
        // Any vote may move any paper into trending: no topics, so every change drops it.
        send(ctx, feed, format);
    }

    // An empty day's feed is as old as the day ({@code ifEmpty}); empty trending, as the moment it is
    // written (null lets Feed say so): never 1970-01-01.
    private Feed feed(String base, String id, String title, String home, List<ListedPaper> papers, Instant ifEmpty) {
        List<Feed.Item> items = papers.stream().map(p -> item(base, p)).toList();
        Instant updated =
                items.stream().map(Feed.Item::date).max(Instant::compareTo).orElse(ifEmpty);
        return new Feed(id, title + " · Paperboy", title + ", ranked by the community", home, updated, items);
    }

    private static Feed.Item item(String base, ListedPaper listed) {
        Paper p = listed.paper();
        String url = base + PaperLinks.page(p);
        Instant featured = listed.entry().day().atStartOfDay().toInstant(ZoneOffset.UTC);
        String summary = listed.trend() == null
                ? p.abstractText()
                : "Trending: " + listed.trend().why() + "\n\n" + p.abstractText();
        return new Feed.Item(url, p.title(), url, p.authors(), summary, featured);
    }

    private void send(Context ctx, Feed feed, FeedWriter.Format format) {
        HttpPolicy.shortCache(ctx);
        ctx.contentType(format.mediaType()).result(writer.write(feed, format));
    }

    private static FeedWriter.Format format(Context ctx) {
        try {
            return FeedWriter.Format.of(ctx.pathParam("format"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(Period.printable(e.getMessage()));
        }
    }

    private static String query(Context ctx) {
        return ctx.queryString() == null ? "" : "?" + ctx.queryString();
    }
}
