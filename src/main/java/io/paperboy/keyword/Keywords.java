package io.paperboy.keyword;

import io.paperboy.db.Database;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the key phrases the {@link KeywordWorker} stored: for a paper page, a listing's cards, the API. */
public final class Keywords {
    private final Database db;
    private final KeywordRepository repository = new KeywordRepository();

    public Keywords(Database db) {
        this.db = db;
    }

    /** The paper's phrases, best first; empty until the worker reached it. */
    public List<String> of(String paperId) {
        return ofAll(List.of(paperId)).getOrDefault(paperId, List.of());
    }

    /** The phrases of every paper among {@code ids} that has some, in one query. */
    public Map<String, List<String>> ofAll(Collection<String> ids) {
        return db.withHandle(h -> repository.listFor(h, ids));
    }

    /**
     * A number that grows whenever the worker stores phrases (the sum of its cursors): cached pages
     * that show phrases are stale once it moves, though no paper changed.
     */
    public long progress() {
        return db.withHandle(repository::cursorSum);
    }

    /**
     * Stores key phrases a source gave (Hugging Face's {@code ai_keywords}) inside an import's
     * transaction. They win over ours: they are what Hugging Face's pages and API show for the
     * paper, so clients of our Hugging Face-shaped API see the same, and they come from its model
     * over the paper; the worker computes phrases only for papers without them.
     */
    public static void storeImported(org.jdbi.v3.core.Handle h, Map<String, List<String>> phrases) {
        long seq = io.paperboy.db.ChangeSequence.current(h);
        new KeywordRepository()
                .upsert(
                        h,
                        phrases.entrySet().stream()
                                .map(e -> new PaperKeywords(e.getKey(), e.getValue(), KeywordWorker.SOURCE, seq))
                                .toList());
    }

    public long count() {
        return db.withHandle(repository::count);
    }
}
