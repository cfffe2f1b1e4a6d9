package io.paperboy.listing;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Features papers on days and reads back where a paper was featured. */
public final class ListingService {
    /** How many recent entries trending ranks. */
    public static final int TRENDING_SIZE = 100;

    private final Database db;
    private final PaperService papers;
    private final ListingRepository listings = new ListingRepository();

    public ListingService(Database db) {
        this(db, new PaperService(db));
    }

    public ListingService(Database db, PaperService papers) {
        this.db = db;
        this.papers = papers;
    }

    /** The papers featured in {@code period} that pass {@code filter}, most upvoted first. */
    public List<ListedPaper> featured(Period period, ListingFilter filter) {
        List<ListingEntry> entries = db.withHandle(h -> listings.between(h, period.start(), period.end()));
        return withPapers(entries, filter);
    }

    /**
     * Recently featured papers that pass {@code filter}, newest day first. Votes do not exist yet,
     * so trending is by recency; the time-decayed score comes with community voting.
     */
    public List<ListedPaper> trending(ListingFilter filter) {
        return withPapers(db.withHandle(h -> listings.latest(h, TRENDING_SIZE)), filter);
    }

    public Optional<LocalDate> latestDay() {
        return db.withHandle(listings::latestDay);
    }

    /** The nearest earlier and later days that have featured papers, for navigation. */
    public Optional<LocalDate> neighbourDay(LocalDate day, boolean later) {
        return db.withHandle(h -> listings.neighbourDay(h, day, later));
    }

    private List<ListedPaper> withPapers(List<ListingEntry> entries, ListingFilter filter) {
        Map<String, Paper> byId = papers.findAll(entries.stream().map(ListingEntry::paperId).distinct().toList());
        List<ListedPaper> listed = new ArrayList<>();
        for (ListingEntry entry : entries) {
            Paper paper = byId.get(entry.paperId());
            if (paper != null && filter.matches(paper)) {
                listed.add(new ListedPaper(paper, entry));
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
        return listings.updateFeatured(handle, paperId, day, featured, ChangeSequence.reserve(handle, 1));
    }

    public long count() {
        return db.withHandle(listings::count);
    }

    /** Upvotes a paper has across its listings. */
    public int upvotes(String paperId) {
        return forPaper(paperId).stream().mapToInt(ListingEntry::upvotes).sum();
    }

    /**
     * Features entries inside the caller's transaction (their papers must be stored); returns how
     * many were new or changed. Re-featuring an entry that is already there changes nothing.
     */
    public int store(Handle handle, List<ListingEntry> incoming) {
        Map<String, ListingEntry> merged = new LinkedHashMap<>();
        incoming.forEach(e -> merged.merge(e.key(), e, ListingEntry::mergedWith));
        Map<String, ListingEntry> stored = listings.findForPapers(handle,
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
            listings.upsert(handle, changed, ChangeSequence.reserve(handle, changed.size()));
        }
        return changed.size();
    }
}
