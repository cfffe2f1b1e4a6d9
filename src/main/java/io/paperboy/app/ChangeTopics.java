package io.paperboy.app;

import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.web.ChangeWatcher;
import io.paperboy.web.PageCache;
import java.util.Set;

/** Tells the page cache what each move of the change number touched, so it drops only those answers. */
final class ChangeTopics implements ChangeWatcher.Listener {
    /** More distinct topics than this in one poll (an import) drop the whole page cache instead. */
    private static final int TOPICS_READ = 2000;

    private final Database db;
    private final PageCache pageCache;
    private long pruned;

    ChangeTopics(Database db, PageCache pageCache) {
        this.db = db;
        this.pageCache = pageCache;
    }

    @Override
    public Set<String> topics(long after, long upTo) {
        return db.withHandle(h -> {
            if (upTo - pruned > ChangeSequence.TOPICS_KEPT / 4) { // now and then, by whichever node
                ChangeSequence.prune(h, upTo);
                pruned = upTo;
            }
            return ChangeSequence.topics(h, after, upTo, TOPICS_READ);
        });
    }

    @Override
    public void changed(long upTo, Set<String> topics) {
        pageCache.changed(upTo, topics);
    }
}
