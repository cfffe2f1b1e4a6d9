package io.paperboy.paper;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How many visible comments papers have. The comment feature answers; paper pages, listings and
 * the API only ask, so none of them needs to know the comment feature.
 */
@FunctionalInterface
public interface CommentCounts {
    /** Counts nothing: for tools and tests that serve no comments. */
    CommentCounts NONE = ids -> Map.of();

    /** Visible comments per paper id, in one query; papers without any may be absent. */
    Map<String, Integer> counts(Collection<String> paperIds);

    default int count(String paperId) {
        return counts(List.of(paperId)).getOrDefault(paperId, 0);
    }
}
