package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * Matches ordered by upvotes, most upvoted first and ties by relevance; the matches without any
 * upvote follow in their usual order. The store hands out the most upvoted papers in order
 * through an index, n at a time; the matches among them are found here. A batch of n cut inside a
 * run of equal counts holds that run only in part, so only papers with more upvotes than the last
 * one read are certain to be in order: when fewer than {@code limit} matches have that many, a
 * batch four times larger is read, until the matches suffice or the store has no more.
 */
final class UpvoteOrder {
    /** Papers read from the store in the first batch; most searches stop there. */
    static final int FIRST_BATCH = 1024;

    /** The rest of the matches, in their usual order. */
    @FunctionalInterface
    interface Rest {
        TopDocs top(Query query) throws IOException;
    }

    private UpvoteOrder() {}

    /** The first {@code limit} matches of {@code query}; {@code mostUpvoted} gives the n most upvoted papers, most first. */
    static TopDocs top(
            IndexSearcher searcher, Query query, IntFunction<Map<String, Integer>> mostUpvoted, int limit, Rest rest)
            throws IOException {
        for (int n = Math.max(FIRST_BATCH, limit); ; n = (int) Math.min(Integer.MAX_VALUE, 4L * n)) {
            Map<String, Integer> top = mostUpvoted.apply(n);
            boolean everyUpvoted = top.size() < n;
            Map<String, Integer> certain = everyUpvoted ? top : aboveLast(top);
            List<ScoreDoc> ordered = ordered(searcher, query, certain, limit);
            if (everyUpvoted || ordered.size() >= limit || n == Integer.MAX_VALUE) {
                return withRest(query, certain, ordered, limit, rest);
            }
        }
    }

    // The papers with more upvotes than the last one read: every such paper is in the batch.
    private static Map<String, Integer> aboveLast(Map<String, Integer> top) {
        int last = top.values().stream().reduce((a, b) -> b).orElse(0);
        Map<String, Integer> above = new LinkedHashMap<>();
        top.forEach((id, n) -> {
            if (n > last) {
                above.put(id, n);
            }
        });
        return above;
    }

    private static List<ScoreDoc> ordered(IndexSearcher searcher, Query query, Map<String, Integer> upvotes, int limit)
            throws IOException {
        List<ScoreDoc> ordered = new ArrayList<>();
        if (upvotes.isEmpty()) {
            return ordered;
        }
        ScoreDoc[] matches = searcher.search(both(query, upvoted(upvotes)), upvotes.size()).scoreDocs;
        List<String> ids = IndexFields.ids(searcher, matches);
        Integer[] order = new Integer[matches.length];
        Arrays.setAll(order, i -> i);
        // Stable sort: equal upvotes stay in relevance order.
        Arrays.sort(
                order,
                Comparator.comparingInt((Integer i) -> upvotes.get(ids.get(i))).reversed());
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            ordered.add(matches[order[i]]);
        }
        return ordered;
    }

    private static TopDocs withRest(
            Query query, Map<String, Integer> upvotes, List<ScoreDoc> ordered, int limit, Rest rest)
            throws IOException {
        if (ordered.size() < limit) {
            Query others = upvotes.isEmpty()
                    ? query
                    : new BooleanQuery.Builder()
                            .add(query, Occur.MUST)
                            .add(upvoted(upvotes), Occur.MUST_NOT)
                            .build();
            ScoreDoc[] more = rest.top(others).scoreDocs;
            ordered.addAll(Arrays.asList(more).subList(0, Math.min(more.length, limit - ordered.size())));
        }
        return new TopDocs(
                new TotalHits(ordered.size(), TotalHits.Relation.EQUAL_TO), ordered.toArray(ScoreDoc[]::new));
    }

    private static Query upvoted(Map<String, Integer> upvotes) {
        return new TermInSetQuery(
                IndexFields.ID, upvotes.keySet().stream().map(BytesRef::new).toList());
    }

    private static Query both(Query query, Query filter) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }
}
