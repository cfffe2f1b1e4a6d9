package io.paperboy.search;

import io.paperboy.paper.Paper;
import java.util.List;

/** Opens {@link SearchIndex}'s package-private writes to benchmarks that index papers without a store. */
public final class IndexLoading {
    private IndexLoading() {}

    /** As the change follower does for one page: adds the papers (with their vectors, or null) and refreshes. */
    public static void apply(SearchIndex index, List<Paper> papers, List<float[]> vectors) {
        index.apply(papers, vectors);
    }

    public static void commit(SearchIndex index) {
        index.commit();
    }

    /** The follower's page size: how many papers one {@link #apply} call gets during a reindex. */
    public static int followerPageSize() {
        return IndexFollower.PAGE_SIZE;
    }
}
