package io.paperboy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import java.time.Duration;

/**
 * Waits for a follower's view of the change numbers. On PostgreSQL a {@link PaperService}'s horizon
 * may need a second look before it passes a change just committed (while any other transaction of
 * the cluster still runs, see {@code db.ChangeHorizon}); a follower called right after a store may
 * rightly see nothing yet. Its horizon never goes back, so once this returns, it reads them all.
 */
public final class Horizon {
    private Horizon() {}

    /** Waits until {@code papers} reads the newest paper change committed so far. */
    public static void awaitPapers(Database db, PaperService papers) throws Exception {
        long newest = db.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(change_seq), 0) FROM papers")
                .mapTo(Long.class)
                .one());
        boolean passed = Poll.until(
                Duration.ofSeconds(10),
                () -> newest == 0 || !papers.changedSince(newest - 1, 1).isEmpty(),
                p -> p);
        assertThat(passed)
                .as("the change horizon passed change %d within 10 s", newest)
                .isTrue();
    }
}
