package io.paperboy.listing;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.paperboy.paper.CommentCounts;
import io.paperboy.paper.PaperExtras;
import io.paperboy.paper.PaperJson;
import io.paperboy.web.HttpPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/daily_papers?date=|week=|month=&limit=&p=} in the shape of Hugging Face's API:
 * an array of entries {@code {paper: {…, submittedOnDailyAt, submittedOnDailyBy}, title,
 * summary, publishedAt, submittedBy, numComments}}, most upvoted first. Without a period it
 * answers the latest day that has papers, as Hugging Face does. {@code sort=trending} ranks by
 * the trending score (without a period: the trending papers), {@code sort=publishedAt} newest
 * paper first, as Hugging Face's parameter of that name; {@code submitter=name} keeps one
 * member's submissions.
 */
public final class DailyPapersApi {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final ListingService listings;
    private final CommentCounts comments;
    private final PaperJson paperJson;

    /** {@code extras} gives papers' key phrases, stars and Hub links by id (from other features), a page at a time. */
    public DailyPapersApi(ListingService listings, CommentCounts comments, PaperExtras.Source extras) {
        this.paperJson = new PaperJson(extras);
        this.listings = listings;
        this.comments = comments;
    }

    public void list(Context ctx) {
        String sort = sort(ctx);
        ListingFilter filter = ListingPages.filter(ctx);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int page = intParam(ctx, "p", 0, 0, ListingPages.MAX_PAGE);
        String submitter = ctx.queryParam("submitter");
        List<ListedPaper> shown = papers(ctx, sort, filter, submitter, page, limit);
        List<String> ids = shown.stream().map(p -> p.paper().id()).toList();
        Map<String, Integer> counts = comments.counts(ids);
        // One batch for the page's extras (key phrases, stars, Hub links), not a query per paper.
        Map<String, PaperExtras> extras = paperJson.extras(ids);
        List<DailyEntry> out = shown.stream()
                .map(p -> DailyEntry.of(
                        p,
                        PaperJson.write(
                                p.paper(),
                                p.upvotes(),
                                counts.getOrDefault(p.paper().id(), 0),
                                extras.getOrDefault(p.paper().id(), PaperExtras.NONE))))
                .toList();
        HttpPolicy.shortCache(ctx);
        ctx.json(out);
    }

    /*
     * By upvotes or date the store orders and cuts the page; the trending score is computed here.
     * Each tells the page cache what it depends on, as the HTML listing pages do: the period's
     * papers, or, for trending without a period, anything (any vote may move any paper into it).
     */
    private List<ListedPaper> papers(
            Context ctx, String sort, ListingFilter filter, String submitter, int page, int limit) {
        if (!sort.equals("trending")) {
            Period period = period(ctx);
            ListingSlice slice = listings.featured(period, filter, submitter, sort.equals("publishedAt"), page, limit);
            ListingTopics.declare(
                    ctx,
                    listings,
                    period,
                    slice.papers(),
                    page == 0 && !slice.hasNext() && filter.equals(ListingFilter.NONE) && submitter == null);
            return slice.papers();
        }
        boolean periodGiven =
                ctx.queryParam("date") != null || ctx.queryParam("week") != null || ctx.queryParam("month") != null;
        List<ListedPaper> ranked = periodGiven ? listings.trending(period(ctx), filter) : listings.trending(filter);
        if (periodGiven) { // every paper of the period that passes the filter, before the page is cut
            ListingTopics.declare(ctx, listings, period(ctx), ranked, filter.equals(ListingFilter.NONE));
        }
        return ranked.stream()
                .filter(p -> submitter == null || submitter.equals(p.entry().submittedBy()))
                .skip((long) page * limit)
                .limit(limit)
                .toList();
    }

    private static String sort(Context ctx) {
        String sort = ctx.queryParam("sort");
        if (sort == null || sort.isBlank()) {
            return "upvotes";
        }
        if (!List.of("upvotes", "trending", "publishedAt").contains(sort.strip())) {
            throw new BadRequestResponse(
                    "sort must be one of: upvotes, trending, publishedAt; not '" + Period.printable(sort) + "'");
        }
        return sort.strip();
    }

    private Period period(Context ctx) {
        String date = ctx.queryParam("date");
        String week = ctx.queryParam("week");
        String month = ctx.queryParam("month");
        int given = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
        if (given > 1) {
            throw new BadRequestResponse("give at most one of date, week and month");
        }
        if (date != null) {
            return ListingPages.parse(Period.Kind.DAY, date);
        }
        if (week != null) {
            return ListingPages.parse(Period.Kind.WEEK, week);
        }
        if (month != null) {
            return ListingPages.parse(Period.Kind.MONTH, month);
        }
        return Period.day(listings.latestDay().orElse(LocalDate.now()));
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new BadRequestResponse(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number, not '" + Period.printable(raw) + "'");
        }
    }
}
