package io.paperboy.foryou;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's reading list ("save for later"), with read / unread state. Saved papers also tell
 * the personal ranking what a member likes. Private to the member, so no change number is taken:
 * nothing anyone else sees changes.
 */
public final class ReadingList {
    /** Which part of the list to show. */
    public enum Show {
        UNREAD,
        READ,
        ALL
    }

    private final Database db;
    private final PaperService papers;
    private final Clock clock;
    private final ReadingListRepository saved = new ReadingListRepository();

    public ReadingList(Database db, PaperService papers, Clock clock) {
        this.db = db;
        this.papers = papers;
        this.clock = clock;
    }

    /** Saves a paper; empty when there is no such paper. Saving twice keeps the first. */
    public Optional<Boolean> save(long userId, String paperId) {
        if (papers.find(paperId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(db.inTransaction(h -> saved.save(h, userId, paperId, clock.instant())));
    }

    public boolean remove(long userId, String paperId) {
        return db.inTransaction(h -> saved.remove(h, userId, paperId));
    }

    /** Marks a saved paper read or unread; false when it is not on the list. */
    public boolean markRead(long userId, String paperId, boolean read) {
        return db.inTransaction(h -> saved.markRead(h, userId, paperId, read ? clock.instant() : null));
    }

    public boolean isSaved(long userId, String paperId) {
        return db.withHandle(h -> saved.isSaved(h, userId, paperId));
    }

    /** Which of these papers the member saved, in one read. */
    public java.util.Set<String> savedAmong(long userId, java.util.Collection<String> paperIds) {
        java.util.Set<String> saved = new java.util.HashSet<>(savedIds(userId));
        saved.retainAll(java.util.Set.copyOf(paperIds));
        return saved;
    }

    /** The list, newest save first. */
    public List<SavedPaper> list(long userId, Show show) {
        List<ReadingListRepository.Row> rows = db.withHandle(h -> saved.list(h, userId));
        Map<String, Paper> byId = papers.findAll(
                rows.stream().map(ReadingListRepository.Row::paperId).toList());
        List<SavedPaper> list = new ArrayList<>();
        for (ReadingListRepository.Row row : rows) {
            Paper paper = byId.get(row.paperId());
            boolean read = row.readAt() != null;
            if (paper != null && (show == Show.ALL || read == (show == Show.READ))) {
                list.add(new SavedPaper(paper, row.savedAt(), row.readAt()));
            }
        }
        return list;
    }

    /** Ids of every saved paper, for the personal ranking. */
    public List<String> savedIds(long userId) {
        return db.withHandle(h -> saved.list(h, userId)).stream()
                .map(ReadingListRepository.Row::paperId)
                .toList();
    }
}
