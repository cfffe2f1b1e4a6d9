package io.paperboy.listing;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Features papers on days and reads back where a paper was featured. */
public final class ListingService {
    private final Database db;
    private final ListingRepository listings = new ListingRepository();

    public ListingService(Database db) {
        this.db = db;
    }

    public List<ListingEntry> forPaper(String paperId) {
        return db.withHandle(h -> listings.forPaper(h, paperId));
    }

    /** Listing entries of a paper, read inside the caller's transaction. */
    public List<ListingEntry> forPaper(Handle handle, String paperId) {
        return listings.forPaper(handle, paperId);
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
