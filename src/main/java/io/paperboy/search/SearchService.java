package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/** Searches the index with the query language of {@link SearchQueryParser}. */
public final class SearchService {
    public static final int MAX_LIMIT = 100;
    /** How many results of each ranking hybrid search fuses. */
    static final int FUSION_DEPTH = 100;
    /**
     * The cosine similarity between a query and a paper above which the paper may be shown for its
     * meaning alone, when it contains none of the query's words. Calibrated with BGE-small-en-v1.5
     * on SciFact's training claims (FloorCalibration, docs/benchmarks.md): 300 nonsense queries
     * (random letter strings) reach a median 0.622, p99 0.692 and at most 0.734 with their best
     * abstract, while a claim's relevant abstracts have median 0.788 (p25 0.736). 0.70 lies above
     * 99% of the nonsense queries and keeps hybrid recall on the training claims (R@100 0.9658
     * against 0.9670 without a floor; 0.75 cost 0.006 of it: relevant abstracts that share no word
     * with their claim).
     */
    public static final double MEANING_FLOOR = 0.70;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.PUBLISHED_DAY, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING));

    private final SearchIndex index;
    private final LuceneQueries queries;
    private final Embedder embedder;
    private final Highlights highlights = new Highlights();
    private final Supplier<Map<String, Integer>> upvotes;
    private final double floor;

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
        this(index, new LuceneQueries(scoring), embedder, Map::of, MEANING_FLOOR);
    }

    private SearchService(SearchIndex index, LuceneQueries queries, Embedder embedder,
            Supplier<Map<String, Integer>> upvotes, double floor) {
        this.index = index;
        this.queries = queries;
        this.embedder = embedder;
        this.upvotes = upvotes;
        this.floor = floor;
    }

    /** This service with another meaning floor (for calibrating {@link #MEANING_FLOOR}). */
    SearchService withMeaningFloor(double floor) {
        return new SearchService(index, queries, embedder, upvotes, floor);
    }

    /**
     * This service, sorting by upvotes with {@code upvotes}: every paper that has any, and how
     * many (the votes belong to another feature; search only orders by them).
     */
    public SearchService withUpvotes(Supplier<Map<String, Integer>> upvotes) {
        return new SearchService(index, queries, embedder, upvotes, floor);
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
     * As {@link #search(String, int)}, ranked by {@code ranking}. Every constraint of the query
     * (phrases, authors, categories, dates, exclusions) holds in every ranking: vector search runs
     * with them as its filter. A paper that contains none of the words enters the list by meaning
     * alone only above {@link #MEANING_FLOOR}; when no paper contains the words, the typo-tolerant
     * fallback runs, and when that finds nothing too, the papers above the floor come back apart,
     * as {@link SearchResults#closeInMeaning()}.
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
            return index.withSearcher(searcher -> {
                if (ranking == Ranking.BM25) {
                    return withTypoFallback(searcher, parsed, query -> top(searcher, parsed, query, limit));
                }
                Ranked ranked = byMeaning(searcher, parsed, limit, ranking);
                return new SearchResults(hits(searcher, ranked.query(), ranked.top()), ranked.fuzzy(),
                        hits(searcher, ranked.query(), ranked.close()));
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    /**
     * A ranking by meaning: the word query it answers (for highlighting), its top documents,
     * whether they come from the typo-tolerant fallback, and, when nothing matched, the papers
     * close in meaning.
     */
    private record Ranked(Query query, TopDocs top, boolean fuzzy, TopDocs close) {}

    /** Vector or hybrid top documents (hybrid scores are the fused RRF scores), exact words first, then with typos. */
    private Ranked byMeaning(IndexSearcher searcher, SearchQuery parsed, int limit, Ranking ranking)
            throws IOException {
        TopDocs vectors = nearestDocs(searcher, parsed, Math.max(limit, FUSION_DEPTH));
        Query exact = queries.build(parsed, false);
        TopDocs top = fusedOrNearest(searcher, parsed, exact, vectors, limit, ranking);
        if (top.scoreDocs.length > 0 || parsed.text().isBlank()) {
            return new Ranked(exact, top, false, empty());
        }
        Query fuzzy = queries.build(parsed, true);
        top = fusedOrNearest(searcher, parsed, fuzzy, vectors, limit, ranking);
        if (top.scoreDocs.length > 0) {
            return new Ranked(fuzzy, top, true, empty());
        }
        ScoreDoc[] close = java.util.Arrays.stream(vectors.scoreDocs).filter(this::aboveFloor).limit(limit)
                .toArray(ScoreDoc[]::new);
        return new Ranked(exact, empty(), false, new TopDocs(new TotalHits(close.length, TotalHits.Relation.EQUAL_TO), close));
    }

    /**
     * The papers {@code words} matches fused with (or, ranking by vectors, ordered by) their
     * meaning; nearest papers that do not match the words stay only above the floor. Nothing when
     * the words match nothing.
     */
    private TopDocs fusedOrNearest(IndexSearcher searcher, SearchQuery parsed, Query words, TopDocs vectors, int limit,
            Ranking ranking) throws IOException {
        TopDocs byWords = top(searcher, parsed, words, FUSION_DEPTH);
        if (byWords.scoreDocs.length == 0) {
            return empty();
        }
        ScoreDoc[] kept = kept(searcher, words, vectors.scoreDocs);
        if (ranking == Ranking.VECTORS) {
            ScoreDoc[] top = java.util.Arrays.copyOf(kept, Math.min(limit, kept.length));
            return new TopDocs(new TotalHits(top.length, TotalHits.Relation.EQUAL_TO), top);
        }
        List<Integer> nearest = java.util.Arrays.stream(kept).limit(FUSION_DEPTH).map(sd -> sd.doc).toList();
        List<Map.Entry<Integer, Double>> fused = RankFusion.hybrid(docs(byWords), nearest, limit);
        ScoreDoc[] top = fused.stream().map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue()))
                .toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(top.length, TotalHits.Relation.EQUAL_TO), top);
    }

    /** The nearest documents that match {@code words} or lie above the floor, in order. */
    private ScoreDoc[] kept(IndexSearcher searcher, Query words, ScoreDoc[] nearest) throws IOException {
        Set<Integer> matching = matchingAmong(searcher, words, nearest);
        return java.util.Arrays.stream(nearest).filter(sd -> aboveFloor(sd) || matching.contains(sd.doc))
                .toArray(ScoreDoc[]::new);
    }

    // One scorer per segment, advanced through the candidates in doc order, instead of a scorer per candidate.
    private static Set<Integer> matchingAmong(IndexSearcher searcher, Query words, ScoreDoc[] candidates)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE_NO_SCORES, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] docs = java.util.Arrays.stream(candidates).mapToInt(sd -> sd.doc).sorted().distinct().toArray();
        Set<Integer> matching = new HashSet<>();
        LeafReaderContext leaf = null;
        DocIdSetIterator matches = null;
        for (int doc : docs) {
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc, leaves));
            if (at != leaf) {
                leaf = at;
                Scorer scorer = weight.scorer(leaf);
                matches = scorer == null ? null : scorer.iterator();
            }
            int target = doc - leaf.docBase;
            if (matches != null && (matches.docID() < target ? matches.advance(target) : matches.docID()) == target) {
                matching.add(doc);
            }
        }
        return matching;
    }

    /** Lucene scores a cosine similarity c as (1 + c) / 2. */
    private boolean aboveFloor(ScoreDoc sd) {
        return 2.0 * sd.score - 1 >= floor;
    }

    private static TopDocs empty() {
        return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
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
     * Ids of the best {@code limit} papers for {@code q} by {@code ranking}, without highlighting:
     * the path of {@link #search(String, int, Ranking)} (for benchmarks). Hybrid fuses the top
     * {@value #FUSION_DEPTH} of both rankings by {@link RankFusion}.
     */
    public List<String> rank(String q, int limit, Ranking ranking) throws InvalidQueryException {
        checkLimit(limit);
        SearchQuery parsed = SearchQueryParser.parse(q);
        if (ranking != Ranking.BM25 && embedder == null) {
            throw new IllegalStateException("search: ranking by " + ranking + " needs an embedder");
        }
        try {
            return index.withSearcher(searcher -> IndexFields.ids(searcher, (ranking == Ranking.BM25
                    ? top(searcher, parsed, queries.build(parsed, false), limit)
                    : byMeaning(searcher, parsed, limit, ranking).top()).scoreDocs));
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

    private TopDocs nearestDocs(IndexSearcher searcher, SearchQuery parsed, int limit) throws IOException {
        String meaning = queries.meaning(parsed);
        if (meaning.isBlank()) {
            return empty();
        }
        Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, embedder.embedQuery(meaning), limit,
                queries.filter(parsed));
        return searcher.search(knn, limit);
    }
}
