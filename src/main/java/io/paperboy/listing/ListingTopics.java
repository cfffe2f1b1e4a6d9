package io.paperboy.listing;

import io.javalin.http.Context;
import io.paperboy.web.PageCache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the page cache what a listing answer (page, API, feed) depends on, so that a change to
 * another paper keeps it cached. Every listing shows the listings themselves (which papers are
 * featured on which day: calendar, neighbours, the latest day). An answer that shows every paper
 * featured in its period depends on those papers only; a filtered one ({@code cat}, {@code code},
 * {@code submitter}), a page of several, or one ordered by votes across a longer list depends on
 * every paper of the period, shown or not: a vote may move one onto it, a re-import may give one
 * the category it filters by. Trending without a period may take any paper (any vote moves it), so
 * it declares nothing and any change drops it.
 */
final class ListingTopics {
    /** A period with more papers than this is not listed paper by paper: any change drops its answers. */
    static final int MAX_PAPERS = 2000;

    private ListingTopics() {}

    /** {@code shown} is every paper featured in {@code period} when {@code whole}; else a part of them. */
    static void declare(Context ctx, ListingService listings, Period period, List<ListedPaper> shown, boolean whole) {
        Set<String> ids = new HashSet<>();
        shown.forEach(p -> ids.add(p.paper().id()));
        if (!whole) {
            var featured = listings.featuredIds(period, MAX_PAPERS);
            if (featured.isEmpty()) {
                return;
            }
            ids.addAll(featured.get());
        }
        PageCache.shows(ctx, ids, true);
    }
}
