package io.paperboy.hub;

import io.paperboy.db.Database;
import io.paperboy.paper.PaperExtras;
import java.util.Collection;
import java.util.Map;

/** Reads what the {@link HubLinksWorker} stored, for cards, paper pages and the API; never asks the Hub. */
public final class HubLinks {
    private final Database db;
    private final HubLinksRepository repository = new HubLinksRepository();

    public HubLinks(Database db) {
        this.db = db;
    }

    /** The linked repositories of the papers among {@code paperIds} that have a good answer, in one query. */
    public Map<String, PaperExtras.HubLinks> ofAll(Collection<String> paperIds) {
        return db.withHandle(h -> repository.linksOf(h, paperIds));
    }
}
