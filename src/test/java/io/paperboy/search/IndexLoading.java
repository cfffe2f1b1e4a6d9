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

    /** As a rebuild does for one page: adds the papers (with their vectors, or null) without a refresh. */
    public static void add(SearchIndex index, List<Paper> papers, List<float[]> vectors) {
        index.add(papers, vectors);
    }

    /** As a rebuild ends: merges into one segment and commits. */
    public static void mergeSegments(SearchIndex index) {
        index.mergeSegments();
    }

    public static int segments(SearchIndex index) {
        return index.withSearcher(s -> s.getIndexReader().leaves().size());
    }

    public static void commit(SearchIndex index) {
        index.commit();
    }

    /** How many papers one {@link #add} call gets during a reindex. */
    public static int rebuildPageSize() {
        return IndexFollower.PAGE_SIZE;
    }
}
