package io.paperboy.github;

import io.paperboy.db.Database;
import java.util.Collection;
import java.util.Map;

/** Reads the stars the {@link StarsWorker} stored, for cards, paper pages and the API; never asks GitHub. */
public final class GithubStars {
    private final Database db;
    private final StarsRepository repository = new StarsRepository();

    public GithubStars(Database db) {
        this.db = db;
    }

    /** The stars of the papers among {@code paperIds} that have a good count, in one query. */
    public Map<String, Integer> ofAll(Collection<String> paperIds) {
        return db.withHandle(h -> repository.starsOf(h, paperIds));
    }
}
