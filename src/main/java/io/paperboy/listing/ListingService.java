package io.paperboy.listing;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingRepository.Counted;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.vote.VoteService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Features papers on days and reads back where a paper was featured. A paper's upvotes are
 * those its listing entries brought from their sources plus the members' votes (vote feature).
 */
public final class ListingService {
    /** How many papers trending ranks. */
    public static final int TRENDING_SIZE = 100;

    private final Database db;
    private final PaperService papers;
    private final VoteService votes;
    private final Trending trending;
    private final ListingRepository listings;

    public ListingService(Database db) {
        this(db, new PaperService(db));
    }

    public ListingService(Database db, PaperService papers) {
        this(db, papers, new VoteService(db, papers, Clock.systemUTC()), Clock.systemUTC());
    }

    /** {@code clock} says when "now" is for the trending score. */
    public ListingService(Database db, PaperService papers, VoteService votes, Clock clock) {
        this.db = db;
        this.papers = papers;
        this.votes = votes;
        this.listings = new ListingRepository(clock);
        this.trending = new Trending(db, listings, votes, clock);
    }

    /** The papers featured in {@code period} that pass {@code filter}, most upvoted first. */
    public List<ListedPaper> featured(Period period, ListingFilter filter) {
        return withPapers(
                db.withHandle(h ->
                        listings.listPage(h, period.start(), period.end(), filter, null, false, 0, Integer.MAX_VALUE)),
                ListingFilter.NONE);
    }

    /** Page {@code page} (from 0) of {@link #featured(Period, ListingFilter)}, {@code perPage} papers a page. */
    public ListingSlice featured(Period period, ListingFilter filter, int page, int perPage) {
        return featured(period, filter, null, false, page, perPage);
    }

    /**
     * Page {@code page} of the papers featured in {@code period} that pass {@code filter} (and that
     * {@code submitter} submitted, unless null), most upvoted first or, when {@code newestPaperFirst},
     * newest paper first (ties most upvoted first); ordered and cut in the store.
     */
    public ListingSlice featured(
            Period period, ListingFilter filter, String submitter, boolean newestPaperFirst, int page, int perPage) {
        List<Counted> rows = db.withHandle(h -> listings.listPage(
                h,
                period.start(),
                period.end(),
                filter,
                submitter,
                newestPaperFirst,
                Math.multiplyExact(page, perPage),
                perPage + 1));
        List<ListedPaper> papers =
                withPapers(rows.size() > perPage ? rows.subList(0, perPage) : rows, ListingFilter.NONE);
        return new ListingSlice(papers, page, perPage, rows.size() > perPage);
    }

    /**
     * The papers that pass {@code filter} with the highest trending score (see {@link
     * TrendingScore}), each with why it trends.
     */
    public List<ListedPaper> trending(ListingFilter filter) {
        List<ListedPaper> ranked = trending.rank(trending.candidates(TRENDING_SIZE), withPapers(filter));
        return ranked.size() > TRENDING_SIZE ? ranked.subList(0, TRENDING_SIZE) : ranked;
    }

    /** The papers featured in {@code period} that pass {@code filter}, highest trending score first. */
    public List<ListedPaper> trending(Period period, ListingFilter filter) {
        return trending.rank(db.withHandle(h -> listings.between(h, period.start(), period.end())), withPapers(filter));
    }

    private Function<List<Counted>, List<ListedPaper>> withPapers(ListingFilter filter) {
        return entries -> withPapers(entries, filter);
    }

    /**
     * The ids of every paper featured in {@code period}, whatever the filters, or empty when there
     * are more than {@code max}: what a filtered or paged listing of the period depends on.
     */
    public Optional<java.util.Set<String>> featuredIds(Period period, int max) {
        List<String> ids = db.withHandle(h -> listings.listPaperIdsBetween(h, period.start(), period.end(), max + 1));
        return ids.size() > max ? Optional.empty() : Optional.of(java.util.Set.copyOf(ids));
    }

    public Optional<LocalDate> latestDay() {
        return db.withHandle(listings::latestDay);
    }

    /** The nearest earlier and later days that have featured papers, for navigation. */
    public Optional<LocalDate> neighbourDay(LocalDate day, boolean later) {
        return db.withHandle(h -> listings.neighbourDay(h, day, later));
    }

    /**
     * The nearest period of {@code period}'s length before it (or after it, when {@code later})
     * that has featured papers: empty periods are stepped over, and there is none past the last.
     */
    public Optional<Period> neighbour(Period period, boolean later) {
        return neighbourDay(later ? period.end() : period.start(), later).map(period::sameKindAs);
    }

    /** How many papers each day of {@code period} features; days with none are absent. */
    public Map<LocalDate, Integer> papersPerDay(Period period) {
        return db.withHandle(h -> listings.countByDay(h, period.start(), period.end()));
    }

    private List<ListedPaper> withPapers(List<Counted> entries, ListingFilter filter) {
        Map<String, Paper> byId = papers.findAll(
                entries.stream().map(c -> c.entry().paperId()).distinct().toList());
        List<ListedPaper> listed = new ArrayList<>();
        for (Counted c : entries) {
            Paper paper = byId.get(c.entry().paperId());
            if (paper != null && filter.matches(paper)) {
                listed.add(new ListedPaper(paper, c.entry(), c.upvotes(), null));
            }
        }
        return listed;
    }

    public List<ListingEntry> forPaper(String paperId) {
        return db.withHandle(h -> listings.forPaper(h, paperId));
    }

    /** Listing entries of a paper, read inside the caller's transaction. */
    public List<ListingEntry> forPaper(Handle handle, String paperId) {
        return listings.forPaper(handle, paperId);
    }

    /** Every entry of a paper with whether it is shown (curators unfeature entries), by day. */
    public List<ListingEntryState> entriesOf(String paperId) {
        return db.withHandle(h -> listings.listStatesOf(h, paperId));
    }

    /**
     * Up to {@code limit} shown entries put on a listing at or after {@code from} and before
     * {@code to} (when first stored), oldest first: what was newly featured then.
     */
    public List<ListingEntry> featuredBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return db.withHandle(h -> listings.listStoredBetween(h, from, to, limit));
    }

    /** Up to {@code limit} entries curators took off their listings, most recent first. */
    public List<ListingEntry> unfeatured(int limit) {
        return db.withHandle(h -> listings.listUnfeatured(h, limit));
    }

    /** Up to {@code limit} shown entries the member called {@code userName} submitted, newest day first. */
    public List<ListingEntry> submittedBy(String userName, int limit) {
        return db.withHandle(h -> listings.listSubmittedBy(h, userName, limit));
    }

    /**
     * Takes an entry off its day's listing, its feeds and the API, or puts it back, inside the
     * caller's transaction (which should also record who did it); false when there is no such
     * entry or it already is so. Takes a change number so cached pages refresh.
     */
    public boolean setFeatured(Handle handle, String paperId, LocalDate day, boolean featured) {
        boolean changed = listings.updateFeatured(
                handle,
                paperId,
                day,
                featured,
                ChangeSequence.next(handle, ChangeSequence.paper(paperId), ChangeSequence.LISTINGS));
        if (changed) {
            votes.lockTotals(handle, List.of(paperId));
            votes.recount(handle, List.of(paperId));
        }
        return changed;
    }

    public long count() {
        return db.withHandle(listings::count);
    }

    /** A paper's upvotes as shown: imported with its shown listing entries plus members' votes. */
    public int upvotes(String paperId) {
        return votes.upvotes(paperId);
    }

    /** Shown upvotes of several papers, in one read; papers with none are missing. */
    public Map<String, Integer> upvotes(java.util.Collection<String> paperIds) {
        return votes.upvotes(paperIds);
    }

    /**
     * Features entries inside the caller's transaction (their papers must be stored); returns how
     * many were new or changed. Re-featuring an entry that is already there changes nothing.
     */
    public int store(Handle handle, List<ListingEntry> incoming) {
        Map<String, ListingEntry> merged = new LinkedHashMap<>();
        incoming.forEach(e -> merged.merge(e.key(), e, ListingEntry::mergedWith));
        Map<String, ListingEntry> stored = listings.findForPapers(
                handle,
                merged.values().stream().map(ListingEntry::paperId).distinct().toList());
        List<ListingEntry> changed = new ArrayList<>();
        for (ListingEntry candidate : merged.values()) {
            ListingEntry before = stored.get(candidate.key());
            ListingEntry after = before == null ? candidate : before.mergedWith(candidate);
            if (!after.equals(before)) {
                changed.add(after);
            }
        }
        if (!changed.isEmpty()) {
            changed.sort(java.util.Comparator.comparing(ListingEntry::key));
            listings.upsert(
                    handle,
                    changed,
                    ChangeSequence.next(
                            handle,
                            changed.stream()
                                    .map(e -> java.util.Set.of(
                                            ChangeSequence.paper(e.paperId()), ChangeSequence.LISTINGS))
                                    .toList()));
            List<String> recounted =
                    changed.stream().map(ListingEntry::paperId).distinct().toList();
            votes.lockTotals(handle, recounted);
            votes.recount(handle, recounted);
        }
        return changed.size();
    }

    /**
     * Features a submitted entry inside the caller's transaction unless its paper and day have one
     * already, which is returned instead: a submission never replaces another's entry.
     */
    public Optional<ListingEntry> storeIfAbsent(Handle handle, ListingEntry entry) {
        if (listings.insertIfAbsent(
                handle,
                entry,
                ChangeSequence.next(handle, ChangeSequence.paper(entry.paperId()), ChangeSequence.LISTINGS))) {
            return Optional.empty();
        }
        return listings.find(handle, entry.paperId(), entry.day());
    }
}
