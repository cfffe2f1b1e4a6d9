package io.paperboy.listing;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.paperboy.paper.CommentCounts;
import io.paperboy.paper.PaperExtras;
import io.paperboy.vote.VoteService;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The daily, weekly, monthly and trending pages, in Hugging Face's URL scheme. */
public final class ListingPages {
    /** The query parameter naming the paper a member has just submitted, to thank them on its day's page. */
    public static final String SUBMITTED = "submitted";
    /** The last page a listing answers ({@code ?p=}, from 0), as the API's. */
    static final int MAX_PAGE = 10_000;

    private final ListingService listings;
    private final VoteService votes;
    private final CommentCounts comments;
    private final Function<Collection<String>, Map<String, String>> displayNames;
    private final PaperExtras.Source extras;

    /**
     * {@code comments} counts each card's comments (from the comment feature), {@code displayNames}
     * finds members' display names by user name in one read (from the user feature), {@code extras} the key
     * phrases, GitHub stars and Hub links of papers by id (from the keyword, github and hub features).
     */
    public ListingPages(
            ListingService listings,
            VoteService votes,
            CommentCounts comments,
            Function<Collection<String>, Map<String, String>> displayNames,
            PaperExtras.Source extras) {
        this.extras = extras;
        this.listings = listings;
        this.votes = votes;
        this.comments = comments;
        this.displayNames = displayNames;
    }

    public void day(Context ctx) {
        period(ctx, parse(Period.Kind.DAY, ctx.pathParam("date")));
    }

    public void week(Context ctx) {
        period(ctx, parse(Period.Kind.WEEK, ctx.pathParam("week")));
    }

    public void month(Context ctx) {
        period(ctx, parse(Period.Kind.MONTH, ctx.pathParam("month")));
    }

    /** {@code /papers/week}: the latest week with papers, keeping the query (filters). */
    public void latestWeek(Context ctx) {
        ctx.redirect(latest(Period.Kind.WEEK).path() + query(ctx));
    }

    public void latestMonth(Context ctx) {
        ctx.redirect(latest(Period.Kind.MONTH).path() + query(ctx));
    }

    private Period latest(Period.Kind kind) {
        LocalDate day = listings.latestDay().orElse(LocalDate.now());
        return kind == Period.Kind.WEEK ? Period.weekOf(day) : Period.month(YearMonth.from(day));
    }

    private static String query(Context ctx) {
        return ctx.queryString() == null ? "" : "?" + ctx.queryString();
    }

    public void home(Context ctx) {
        LocalDate day = listings.latestDay().orElse(LocalDate.now());
        period(ctx, Period.day(day));
    }

    private void period(Context ctx, Period period) {
        ListingFilter filter = filter(ctx);
        ListingSlice slice = listings.featured(
                period, filter, DailyPapersApi.intParam(ctx, "p", 0, 0, MAX_PAGE), ListingSlice.PER_PAGE);
        List<ListedPaper> papers = slice.papers();
        String section = switch (period.kind()) {
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
        };
        Page page = Page.of(
                        ctx,
                        "Papers of " + period.title(),
                        "The papers featured " + (period.kind() == Period.Kind.DAY ? "on " : "in ") + period.title()
                                + ", most upvoted first",
                        period.path())
                .withFeeds(feeds(period.kind() == Period.Kind.DAY ? "?date=" + period.key() : "", filter, "daily"));
        ListingView view = new ListingView(
                        page,
                        section,
                        period.title(),
                        period.path(),
                        papers,
                        nav(period, false),
                        nav(period, true),
                        filter,
                        "No papers were featured "
                                + (period.kind() == Period.Kind.DAY ? "on this day." : "in this period."),
                        upvotedBy(page.member(), papers),
                        submitters(papers))
                .withCalendar(calendar(period))
                .withPages(slice);
        HttpPolicy.shortCache(ctx);
        // Calendar and neighbours come from the listings; the cards from these papers, or, on a
        // filtered page or one of several, from whichever papers of the period a change moves here.
        ListingTopics.declare(
                ctx,
                listings,
                period,
                papers,
                slice.page() == 0 && !slice.hasNext() && filter.equals(ListingFilter.NONE));
        Templates.page(ctx, "listing/listing.jte", withComments(submitted(ctx, page.member(), view)));
    }

    // After a submission (?submitted=ID, from the submit form): the member's paper is on this list.
    private static ListingView submitted(Context ctx, Member member, ListingView view) {
        String id = ctx.queryParam(SUBMITTED);
        if (member == null || id == null) {
            return view;
        }
        return view.papers().stream()
                .filter(p -> p.paper().id().equals(id))
                .findFirst()
                .map(p -> view.withNotice(
                        "Thank you: “" + p.paper().title() + "” is featured on this day, " + "submitted by you."))
                .orElse(view);
    }

    public void trending(Context ctx) {
        ListingFilter filter = filter(ctx);
        Page page = Page.of(ctx, "Trending papers", "The papers members are upvoting now", "/papers/trending")
                .withFeeds(feeds("", filter, "trending"));
        List<ListedPaper> papers = listings.trending(filter);
        ListingView view = new ListingView(
                page,
                "trending",
                "Trending",
                "/papers/trending",
                papers,
                null,
                null,
                filter,
                "No papers have been featured yet.",
                upvotedBy(page.member(), papers),
                submitters(papers));
        HttpPolicy.shortCache(ctx);
        // Any vote may move any paper onto it: it declares no topics, so every change drops it.
        Templates.page(ctx, "listing/listing.jte", withComments(view));
    }

    private ListingView withComments(ListingView view) {
        List<String> ids = view.papers().stream().map(p -> p.paper().id()).toList();
        return view.withCommentCounts(comments.counts(ids)).withExtras(extras.of(ids));
    }

    // Members' own votes make the page theirs (never cached); anonymous pages have none.
    private Set<String> upvotedBy(Member member, List<ListedPaper> papers) {
        return member == null
                ? Set.of()
                : votes.upvotedBy(
                        member.id(), papers.stream().map(p -> p.paper().id()).toList());
    }

    // One lookup for every member who submitted something listed, not one per submitter.
    private Map<String, String> submitters(List<ListedPaper> papers) {
        List<String> names = papers.stream()
                .map(ListedPaper::entry)
                .filter(ListingEntry::bySubmission)
                .map(ListingEntry::submittedBy)
                .distinct()
                .toList();
        return names.isEmpty() ? Map.of() : displayNames.apply(names);
    }

    // Days, weeks and months jump to the nearest one that has papers; none past the first or the last.
    private ListingView.Nav nav(Period period, boolean later) {
        return listings.neighbour(period, later)
                .map(target -> new ListingView.Nav(later ? "Next" : "Previous", target.path()))
                .orElse(null);
    }

    // The month a week belongs to is the month of its Thursday, as ISO weeks belong to the year of theirs.
    private MonthCalendar calendar(Period period) {
        LocalDate anchor = period.kind() == Period.Kind.WEEK ? period.start().plusDays(3) : period.start();
        Period month = Period.month(YearMonth.from(anchor));
        return MonthCalendar.of(
                YearMonth.from(anchor),
                listings.papersPerDay(month),
                period,
                listings.neighbour(month, false).orElse(null),
                listings.neighbour(month, true).orElse(null));
    }

    static List<Page.FeedLink> feeds(String query, ListingFilter filter, String name) {
        String filters = filter.query().isEmpty()
                ? ""
                : (query.isEmpty() ? "?" : "&") + filter.query().substring(1);
        List<Page.FeedLink> links = new ArrayList<>();
        links.add(new Page.FeedLink("Atom", "application/atom+xml", "/feeds/" + name + ".atom" + query + filters));
        links.add(new Page.FeedLink("RSS", "application/rss+xml", "/feeds/" + name + ".rss" + query + filters));
        links.add(
                new Page.FeedLink("JSON Feed", "application/feed+json", "/feeds/" + name + ".json" + query + filters));
        return links;
    }

    static ListingFilter filter(Context ctx) {
        try {
            return ListingFilter.parse(ctx.queryParam("cat"), ctx.queryParam("code"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    static Period parse(Period.Kind kind, String text) {
        try {
            return Period.parse(kind, text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }
}
