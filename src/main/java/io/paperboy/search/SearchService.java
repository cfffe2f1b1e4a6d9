package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/** Searches the index with the query language of {@link SearchQueryParser}. */
public final class SearchService {
    public static final int MAX_LIMIT = 100;
    /** How many results of each ranking hybrid search fuses. */
    static final int FUSION_DEPTH = 100;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.PUBLISHED_DAY, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING));

    private final SearchIndex index;
    private final LuceneQueries queries;
    private final Embedder embedder;
    private final Highlights highlights = new Highlights();
    private final Supplier<Map<String, Integer>> upvotes;

    public SearchService(SearchIndex index) {
        this(index, LuceneQueries.TextScoring.DEFAULT, null);
    }

    /** A service that can also rank by meaning, with the embedder the index's vectors came from. */
    public SearchService(SearchIndex index, Embedder embedder) {
        this(index, LuceneQueries.TextScoring.DEFAULT, embedder);
    }

    SearchService(SearchIndex index, LuceneQueries.TextScoring scoring) {
        this(index, scoring, null);
    }

    private SearchService(SearchIndex index, LuceneQueries.TextScoring scoring, Embedder embedder) {
        this(index, new LuceneQueries(scoring), embedder, Map::of);
    }

    private SearchService(SearchIndex index, LuceneQueries queries, Embedder embedder,
            Supplier<Map<String, Integer>> upvotes) {
        this.index = index;
        this.queries = queries;
        this.embedder = embedder;
        this.upvotes = upvotes;
    }

    /**
     * This service, sorting by upvotes with {@code upvotes}: every paper that has any, and how
     * many (the votes belong to another feature; search only orders by them).
     */
    public SearchService withUpvotes(Supplier<Map<String, Integer>> upvotes) {
        return new SearchService(index, queries, embedder, upvotes);
    }

    /**
     * As {@link #search(String, int, Ranking)} in {@code order}: by relevance, or the papers the
     * words match newest or most upvoted first (ties by relevance).
     *
     * @throws InvalidQueryException when {@code q} cannot be run
     */
    public SearchResults search(String q, int limit, Ranking ranking, SearchOrder order) throws InvalidQueryException {
        if (order == SearchOrder.RELEVANCE) {
            return search(q, limit, ranking);
        }
        checkLimit(limit);
        SearchQuery parsed = SearchQueryParser.parse(q);
        try {
            return index.withSearcher(searcher ->
                    withTypoFallback(searcher, parsed, query -> sorted(searcher, parsed, query, limit, order)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    private TopDocs sorted(IndexSearcher searcher, SearchQuery parsed, Query query, int limit, SearchOrder order)
            throws IOException {
        return order == SearchOrder.DATE ? searcher.search(query, limit, NEWEST_FIRST, true)
                : UpvoteOrder.top(searcher, query, upvotes.get(), limit, rest -> top(searcher, parsed, rest, limit));
    }

    /**
     * The best {@code limit} papers for {@code q}, highlighted; when nothing matches, the same
     * query with typo tolerance.
     *
     * @throws InvalidQueryException when {@code q} cannot be run (the message says why)
     */
    public SearchResults search(String q, int limit) throws InvalidQueryException {
        return search(q, limit, Ranking.BM25);
    }

    /**
     * As {@link #search(String, int)}, ranked by {@code ranking}. Vectors always have nearest
     * neighbours, so vector and hybrid rankings never need the typo-tolerant fallback.
     *
     * @throws InvalidQueryException when {@code q} cannot be run, or ranks by meaning without an embedder
     */
    public SearchResults search(String q, int limit, Ranking ranking) throws InvalidQueryException {
        checkLimit(limit);
        SearchQuery parsed = SearchQueryParser.parse(q);
        if (ranking != Ranking.BM25 && embedder == null) {
            throw new InvalidQueryException("ranking by " + ranking.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs semantic search, which is off on this server (serve --embeddings)");
        }
        try {
            return index.withSearcher(searcher -> ranking == Ranking.BM25
                    ? withTypoFallback(searcher, parsed, query -> top(searcher, parsed, query, limit))
                    : new SearchResults(hits(searcher, queries.build(parsed, false),
                            byMeaning(searcher, parsed, limit, ranking)), false));
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    /** Vector or hybrid top documents; hybrid scores are the fused RRF scores. */
    private TopDocs byMeaning(IndexSearcher searcher, SearchQuery parsed, int limit, Ranking ranking)
            throws IOException {
        TopDocs vectors = nearestDocs(searcher, parsed, ranking == Ranking.HYBRID ? FUSION_DEPTH : limit);
        if (ranking == Ranking.VECTORS) {
            return vectors;
        }
        TopDocs words = top(searcher, parsed, queries.build(parsed, false), FUSION_DEPTH);
        List<Map.Entry<Integer, Double>> fused = RankFusion.hybrid(docs(words), docs(vectors), limit);
        ScoreDoc[] top = fused.stream().map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue()))
                .toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(top.length, TotalHits.Relation.EQUAL_TO), top);
    }

    private static List<Integer> docs(TopDocs top) {
        return java.util.Arrays.stream(top.scoreDocs).map(sd -> sd.doc).toList();
    }

    /**
     * The best {@code limit} documents for the query; a query that only filters (all its papers
     * score the same) lists the newest first rather than in the index's arbitrary order.
     */
    private static TopDocs top(IndexSearcher searcher, SearchQuery parsed, Query query, int limit) throws IOException {
        return LuceneQueries.ranksByRelevance(parsed) ? searcher.search(query, limit)
                : searcher.search(query, limit, NEWEST_FIRST, true);
    }

    /** The top documents for a query, in some order. */
    @FunctionalInterface
    private interface TopFor {
        TopDocs of(Query query) throws IOException;
    }

    /** The query's top documents, highlighted; when nothing matches, the same with typo tolerance. */
    private SearchResults withTypoFallback(IndexSearcher searcher, SearchQuery parsed, TopFor topFor) throws IOException {
        Query exact = queries.build(parsed, false);
        TopDocs top = topFor.of(exact);
        if (top.scoreDocs.length > 0 || parsed.text().isBlank()) {
            return new SearchResults(hits(searcher, exact, top), false);
        }
        Query fuzzy = queries.build(parsed, true);
        top = topFor.of(fuzzy);
        return new SearchResults(hits(searcher, fuzzy, top), top.scoreDocs.length > 0);
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        Highlights.Highlight[] marked = highlights.highlight(searcher, query, top);
        List<String> ids = IndexFields.ids(searcher, top.scoreDocs);
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            hits.add(new SearchHit(ids.get(i), sd.score, marked[i].title(), marked[i].snippet()));
        }
        return hits;
    }

    /** Ids of the best {@code limit} papers for {@code q}, without highlighting (for benchmarks). */
    List<String> ids(String q, int limit) throws InvalidQueryException {
        return rank(q, limit, Ranking.BM25);
    }

    /**
     * Ids of the best {@code limit} papers for {@code q} by {@code ranking}, without highlighting.
     * Vectors rank by the query's free text and phrases; its filters and exclusions still apply.
     * Hybrid fuses the top {@value #FUSION_DEPTH} of both rankings by {@link RankFusion}.
     */
    public List<String> rank(String q, int limit, Ranking ranking) throws InvalidQueryException {
        checkLimit(limit);
        SearchQuery parsed = SearchQueryParser.parse(q);
        if (ranking != Ranking.BM25 && embedder == null) {
            throw new IllegalStateException("search: ranking by " + ranking + " needs an embedder");
        }
        try {
            return index.withSearcher(searcher -> switch (ranking) {
                case BM25 -> IndexFields.ids(searcher, top(searcher, parsed, queries.build(parsed, false), limit).scoreDocs);
                case VECTORS -> nearest(searcher, parsed, limit);
                case HYBRID -> RankFusion.hybrid(
                        IndexFields.ids(searcher, top(searcher, parsed, queries.build(parsed, false), FUSION_DEPTH).scoreDocs),
                        nearest(searcher, parsed, FUSION_DEPTH), limit).stream().map(Map.Entry::getKey).toList();
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    private static void checkLimit(int limit) throws InvalidQueryException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }

    private static InvalidQueryException tooManyTerms() {
        return new InvalidQueryException("q expands to too many terms; use fewer or shorter words");
    }

    private List<String> nearest(IndexSearcher searcher, SearchQuery parsed, int limit) throws IOException {
        return IndexFields.ids(searcher, nearestDocs(searcher, parsed, limit).scoreDocs);
    }

    private TopDocs nearestDocs(IndexSearcher searcher, SearchQuery parsed, int limit) throws IOException {
        String meaning = queries.meaning(parsed);
        if (meaning.isBlank()) {
            return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
        }
        Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, embedder.embedQuery(meaning), limit,
                queries.filter(parsed));
        return searcher.search(knn, limit);
    }
}
