package io.paperboy.paper;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Reads papers and stores new knowledge about them, merged with what the store has. */
public final class PaperService {
    private final Database db;
    private final PaperRepository papers = new PaperRepository();
    private final io.paperboy.db.ChangeHorizon horizon;

    public PaperService(Database db) {
        this.db = db;
        this.horizon = new io.paperboy.db.ChangeHorizon(db);
    }

    /** What one {@link #store} call did. */
    public record StoreResult(int inserted, int updated, int unchanged) {}

    /**
     * The paper as the public sees it: empty when unknown or hidden by a curator. Every page, feed
     * and API answer reads papers through this or {@link #findAll}, so a hidden paper leaves them
     * all at once (search results too: their hits are looked up here).
     */
    public Optional<Paper> find(String id) {
        return db.withHandle(h -> papers.findShown(h, id));
    }

    /** The stored papers among {@code ids} the public may see, by id; unknown and hidden ids are absent. */
    public Map<String, Paper> findAll(java.util.Collection<String> ids) {
        return db.withHandle(h -> papers.findAllShown(h, ids));
    }

    /** The paper even when hidden, for curators (and for the page that tells others it is gone). */
    public Optional<Paper> findIncludingHidden(String id) {
        return db.withHandle(h -> papers.find(h, id));
    }

    /** The paper, hidden or not, with whether a curator hid it, in one read (not a second look at the same row). */
    public Optional<StoredPaper> findWithHidden(String id) {
        return db.withHandle(h -> papers.findWithHidden(h, id));
    }

    public boolean isHidden(String id) {
        return !hiddenAmong(List.of(id)).isEmpty();
    }

    /** The ids among {@code ids} that a curator hid. */
    public java.util.Set<String> hiddenAmong(java.util.Collection<String> ids) {
        return db.withHandle(h -> papers.listHiddenAmong(h, ids));
    }

    /** Up to {@code limit} hidden papers, most recently hidden first. */
    public List<Paper> hidden(int limit) {
        return db.withHandle(h -> papers.listHidden(h, limit));
    }

    /**
     * Hides a paper from the public (or shows it again) inside the caller's transaction, which
     * should also record who did it; false when the paper is unknown or already so. The paper
     * takes a fresh change number, so the search index following the change feed drops or
     * re-adds it and cached pages refresh.
     */
    public boolean setHidden(Handle handle, String id, boolean hidden) {
        return papers.updateHidden(
                handle, id, hidden, ChangeSequence.next(handle, ChangeSequence.paper(id), ChangeSequence.LISTINGS));
    }

    /**
     * Up to {@code limit} papers whose last write has a change number above {@code seq}, in change
     * order: a follower (the search index) calls it with the last number it applied until it gets
     * an empty page. Only changes up to the store's {@link io.paperboy.db.ChangeHorizon} are read:
     * on PostgreSQL numbers may commit out of order, and a change numbered below one already read
     * but committed later is still read by the next call, so no change is skipped.
     */
    public List<Paper> changedSince(long seq, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        long upTo = horizon.advance();
        return db.withHandle(h -> papers.listChangedSince(h, seq, upTo, limit));
    }

    /** How many papers a follower at {@code seq} has yet to apply, counted up to {@code cap}. */
    public long countChangedSince(long seq, int cap) {
        return db.withHandle(h -> papers.countChangedSince(h, seq, cap));
    }

    public long count() {
        return db.withHandle(papers::count);
    }

    /** Streams all papers in id order; {@code action} runs inside a read transaction. */
    public void forEach(Consumer<Paper> action) {
        db.useTransaction(h -> papers.forEach(h, action));
    }

    /**
     * Merges {@code incoming} into the store inside the caller's transaction. Only papers whose
     * merged content differs are written, each with a fresh change number, so repeating a call
     * changes nothing and followers of the change sequence see only real changes.
     */
    public StoreResult store(Handle handle, List<Paper> incoming) {
        Map<String, Paper> merged = new LinkedHashMap<>();
        for (Paper p : incoming) {
            merged.merge(p.id(), p, PaperMerge::merge);
        }
        Map<String, Paper> stored = papers.findAll(handle, merged.keySet());
        List<Paper> changed = new ArrayList<>();
        int inserted = 0;
        for (Paper candidate : merged.values()) {
            Paper before = stored.get(candidate.id());
            Paper after = PaperMerge.merge(before, candidate);
            if (before == null || !before.sameContent(after)) {
                changed.add(after);
                inserted += before == null ? 1 : 0;
            }
        }
        if (!changed.isEmpty()) {
            // In id order, so two imports writing the same papers lock their rows in the same order.
            changed.sort(java.util.Comparator.comparing(Paper::id));
            long[] seqs = ChangeSequence.next(
                    handle,
                    changed.stream()
                            .map(p -> java.util.Set.of(ChangeSequence.paper(p.id())))
                            .toList());
            List<Paper> numbered = new ArrayList<>(changed.size());
            for (int i = 0; i < changed.size(); i++) {
                numbered.add(changed.get(i).withChangeSeq(seqs[i]));
            }
            papers.upsert(handle, numbered);
        }
        return new StoreResult(inserted, changed.size() - inserted, merged.size() - changed.size());
    }
}
