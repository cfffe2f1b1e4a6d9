package io.paperboy.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Papers like a given one. {@link #nearest}: the paper's nearest neighbours by embedding (what the
 * paper page and {@code /api/papers/{id}/similar} show; none while the paper has no embedding).
 * {@link #like} and {@link #likeAny}: Lucene's MoreLikeThis over title and abstract (the paper's
 * most distinctive terms by tf-idf, run as a BM25 query), the paper itself left out, which needs no
 * embeddings (the personal ranking uses it).
 */
public final class SimilarPapers {
    private static final int MAX_QUERY_TERMS = 25;
    /** Liked papers looked at by {@link #likeAny}: one query each. */
    static final int MAX_LIKED = 20;

    private final SearchIndex index;

    public SimilarPapers(SearchIndex index) {
        this.index = index;
    }

    /** A neighbour by embedding and its cosine similarity to the paper. */
    public record Neighbour(String paperId, double similarity) {}

    /**
     * Up to {@code limit} papers nearest to {@code paperId} by embedding, nearest first, the paper
     * itself left out (hidden papers are not in the index); empty when the paper has no embedding
     * (semantic search off, or not embedded yet).
     */
    public List<Neighbour> nearest(String paperId, int limit) {
        float[] vector = new PaperVectors(index).of(List.of(paperId)).get(paperId);
        if (vector == null) {
            return List.of();
        }
        return index.withSearcher(searcher -> {
            Query notItself = new BooleanQuery.Builder()
                    .add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, paperId)), BooleanClause.Occur.MUST_NOT)
                    .build();
            ScoreDoc[] hits = searcher.search(
                            new org.apache.lucene.search.KnnFloatVectorQuery(
                                    IndexFields.VECTOR, vector, limit, notItself),
                            limit)
                    .scoreDocs;
            List<String> ids = IndexFields.ids(searcher, hits);
            List<Neighbour> out = new java.util.ArrayList<>();
            for (int i = 0; i < hits.length; i++) {
                out.add(new Neighbour(ids.get(i), 2.0 * hits[i].score - 1)); // Lucene scores cosine c as (1 + c) / 2
            }
            return out;
        });
    }

    /** Why {@code other}, a neighbour of {@code source}, is similar to it, in a few words ({@link SimilarReasons}). */
    public String why(io.paperboy.paper.Paper source, io.paperboy.paper.Paper other) {
        return index.withSearcher(searcher -> new SimilarReasons(
                        term -> {
                            try {
                                return searcher.getIndexReader().docFreq(new Term(IndexFields.TEXT, term));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        searcher.getIndexReader().numDocs())
                .why(source, other));
    }

    /** Ids of up to {@code limit} papers like {@code paperId}, best first; empty when it is not indexed. */
    public List<String> like(String paperId, int limit) {
        return index.withSearcher(searcher -> {
            Query query = papersLike(searcher, paperId, new TermQuery(new Term(IndexFields.ID, paperId)));
            return query == null ? List.of() : IndexFields.ids(searcher, searcher.search(query, limit).scoreDocs);
        });
    }

    /** A paper like one of several, and which one. */
    public record Like(String paperId, String likeId) {}

    /**
     * Up to {@code limit} papers like any of {@code likedIds} (the most recent first; the first
     * {@value #MAX_LIKED} are used), each with the liked paper it is most like; liked papers are
     * left out. Each liked paper's matches are scored relative to its best match, so a paper with
     * a long abstract, whose query scores higher, does not crowd out the others.
     */
    public List<Like> likeAny(List<String> likedIds, int limit) {
        List<String> used = likedIds.subList(0, Math.min(MAX_LIKED, likedIds.size()));
        return index.withSearcher(searcher -> {
            BooleanQuery.Builder notLiked = new BooleanQuery.Builder();
            likedIds.forEach(
                    id -> notLiked.add(new TermQuery(new Term(IndexFields.ID, id)), BooleanClause.Occur.SHOULD));
            Query liked = notLiked.build();
            Map<String, Like> best = new HashMap<>();
            Map<String, Float> bestScore = new HashMap<>();
            for (String likedId : used) {
                Query query = papersLike(searcher, likedId, liked);
                if (query == null) {
                    continue;
                }
                ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
                List<String> ids = IndexFields.ids(searcher, hits);
                for (int i = 0; i < hits.length; i++) {
                    float relative = hits[i].score / hits[0].score;
                    if (relative > bestScore.getOrDefault(ids.get(i), 0f)) {
                        bestScore.put(ids.get(i), relative);
                        best.put(ids.get(i), new Like(ids.get(i), likedId));
                    }
                }
            }
            return best.values().stream()
                    .sorted(Comparator.comparingDouble((Like l) -> bestScore.get(l.paperId()))
                            .reversed()
                            .thenComparing(Like::paperId))
                    .limit(limit)
                    .toList();
        });
    }

    /** Papers like {@code paperId} except those {@code excluded} matches; null when it is not indexed. */
    private static Query papersLike(IndexSearcher searcher, String paperId, Query excluded) throws java.io.IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.ID, paperId)), 1);
        if (self.scoreDocs.length == 0) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(likeQuery(searcher, self.scoreDocs[0].doc), BooleanClause.Occur.SHOULD)
                .add(excluded, BooleanClause.Occur.MUST_NOT)
                .build();
    }

    private static Query likeQuery(IndexSearcher searcher, int doc) throws java.io.IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(PaperAnalyzers.perField());
        mlt.setFieldNames(new String[] {IndexFields.TITLE, IndexFields.ABSTRACT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setSimilarity(new org.apache.lucene.search.similarities.ClassicSimilarity());
        return mlt.like(doc);
    }
}
