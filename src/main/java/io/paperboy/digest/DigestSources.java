package io.paperboy.digest;

import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.Pick;
import io.paperboy.listing.ListedPaper;
import io.paperboy.listing.ListingFilter;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What digests are made of, read once per run and shared by every subscriber in it (thread-safe):
 * the trending papers, and the matches of each distinct search, author and category
 * (subscribers share interests, so 100,000 digests ask far fewer distinct questions).
 */
final class DigestSources {
    /** How many hits of a followed interest are looked at per period. */
    static final int MATCH_DEPTH = 50;

    private final ListingService listings;
    private final PaperService papers;
    private final SearchService search;
    private final ForYou forYou;
    private List<ListedPaper> trending;
    private final Map<String, List<String>> matches = new ConcurrentHashMap<>();
    private final Map<String, Paper> paperCache = new ConcurrentHashMap<>();
    private final Map<String, Integer> votes = new ConcurrentHashMap<>();
    private final ItemRenderer rendered = new ItemRenderer();
    private final Map<String, DigestItem> items = new ConcurrentHashMap<>();

    /** {@code forYou} null: no personal picks. */
    DigestSources(ListingService listings, PaperService papers, SearchService search, ForYou forYou) {
        this.listings = listings;
        this.papers = papers;
        this.search = search;
        this.forYou = forYou;
    }

    /** The member's stored "for you" picks, best first (refreshed before the run composes anything). */
    List<Pick> picks(long memberId, int limit) {
        return forYou == null ? List.of() : forYou.picks(memberId, limit);
    }

    /**
     * The trending papers, best first. The one call site of the listing's ranking: when its score
     * or signature changes (votes), this is the line to follow it.
     */
    synchronized List<ListedPaper> trending() {
        if (trending == null) {
            trending = listings.trending(ListingFilter.NONE);
            for (ListedPaper p : trending) {
                paperCache.put(p.paper().id(), p.paper());
            }
        }
        return trending;
    }

    /**
     * Ids of papers matching {@code query} that were published between {@code from} and
     * {@code to}, best match first; an unusable query (saved before the grammar changed, say)
     * matches nothing rather than failing the whole run. Older papers featured in the period reach
     * subscribers through the trending section, not here: one search per distinct interest keeps
     * 100,000 digests within a minute.
     */
    List<String> matching(String query, LocalDate from, LocalDate to) {
        return matches.computeIfAbsent(
                query + "\n" + from + "\n" + to, k -> ids(query + " date:" + from + ".." + to, MATCH_DEPTH));
    }

    /** Ids of up to {@code depth} papers matching {@code query} whenever published, best first (see {@link #matching}). */
    List<String> matchingAny(String query, int depth) {
        return matches.computeIfAbsent(query + "\n*\n" + depth, k -> ids(query, depth));
    }

    Map<String, Paper> papers(List<String> ids) {
        List<String> missing =
                ids.stream().filter(id -> !paperCache.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            paperCache.putAll(papers.findAll(missing));
        }
        Map<String, Paper> found = new HashMap<>();
        for (String id : ids) {
            Paper p = paperCache.get(id);
            if (p != null) {
                found.put(id, p);
            }
        }
        return found;
    }

    /** The paper's item (without a reason), built once per run by {@code build}. */
    DigestItem item(String paperId, java.util.function.Function<String, DigestItem> build) {
        return items.computeIfAbsent(paperId, build);
    }

    /** The items of this run as rendered so far. */
    ItemRenderer rendered() {
        return rendered;
    }

    int votes(String paperId) {
        return votes.computeIfAbsent(paperId, listings::upvotes);
    }

    private List<String> ids(String query, int limit) {
        try {
            // Exact matches only: the search page's typo-tolerant fallback would mail near-misses.
            return search.rank(query, limit, Ranking.BM25);
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }
}
