package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * Matches ordered by upvotes. Few papers have any (those featured on a day), so every match among
 * them is read and ordered here, most upvoted first and ties by relevance; when they are fewer
 * than asked for, the other matches follow in their usual order.
 */
final class UpvoteOrder {
    /** The rest of the matches, in their usual order. */
    @FunctionalInterface
    interface Rest {
        TopDocs top(Query query) throws IOException;
    }

    private UpvoteOrder() {}

    static TopDocs top(IndexSearcher searcher, Query query, Map<String, Integer> upvotes, int limit, Rest rest)
            throws IOException {
        List<ScoreDoc> ordered = new ArrayList<>();
        Query upvoted = null;
        if (!upvotes.isEmpty()) {
            upvoted = new TermInSetQuery(IndexFields.ID, upvotes.keySet().stream().map(BytesRef::new).toList());
            ScoreDoc[] matches = searcher.search(both(query, upvoted), upvotes.size()).scoreDocs;
            List<String> ids = IndexFields.ids(searcher, matches);
            Integer[] order = new Integer[matches.length];
            Arrays.setAll(order, i -> i);
            // Stable sort: equal upvotes stay in relevance order.
            Arrays.sort(order, Comparator.comparingInt((Integer i) -> upvotes.get(ids.get(i))).reversed());
            for (int i = 0; i < Math.min(limit, order.length); i++) {
                ordered.add(matches[order[i]]);
            }
        }
        if (ordered.size() < limit) {
            Query others = upvoted == null ? query
                    : new BooleanQuery.Builder().add(query, Occur.MUST).add(upvoted, Occur.MUST_NOT).build();
            ScoreDoc[] more = rest.top(others).scoreDocs;
            ordered.addAll(Arrays.asList(more).subList(0, Math.min(more.length, limit - ordered.size())));
        }
        return new TopDocs(new TotalHits(ordered.size(), TotalHits.Relation.EQUAL_TO), ordered.toArray(ScoreDoc[]::new));
    }

    private static Query both(Query query, Query filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }
}
