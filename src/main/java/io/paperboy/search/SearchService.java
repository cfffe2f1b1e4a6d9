package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

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
    /**
     * The meaning floor as applied: {@link #MEANING_FLOOR}, lowered to the 30th closest
     * word-matching paper among the nearest, but not below 0.60, when the words match (see
     * {@link MeaningFloor}). Chosen on SciFact's training claims: R@100 0.9683 against 0.9658 with
     * 0.70 alone and 0.9670 without a floor (docs/benchmarks.md).
     */
    static final MeaningFloor FLOOR = new MeaningFloor(MEANING_FLOOR, 0.60, 30);
    /** How deep search pages: results past it are not listed (the count still says how many match). */
    public static final int MAX_WINDOW = 1000;

    private final SearchIndex index;
    private final LuceneQueries queries;
    private final Embedder embedder;
    private final Highlights highlights = new Highlights();
    private final IntFunction<Map<String, Integer>> upvotes;
    private final MeaningFloor floor;

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
        this(index, new LuceneQueries(scoring), embedder, n -> Map.of(), FLOOR);
    }

    private SearchService(
            SearchIndex index,
            LuceneQueries queries,
            Embedder embedder,
            IntFunction<Map<String, Integer>> upvotes,
            MeaningFloor floor) {
        this.index = index;
        this.queries = queries;
        this.embedder = embedder;
        this.upvotes = upvotes;
        this.floor = floor;
    }

    /** This service with only an absolute meaning floor (for calibrating {@link #MEANING_FLOOR}, and tests). */
    SearchService withMeaningFloor(double floor) {
        return withMeaningFloor(MeaningFloor.absolute(floor));
    }

    /** This service with another meaning floor (for calibrating {@link #FLOOR}). */
    SearchService withMeaningFloor(MeaningFloor floor) {
        return new SearchService(index, queries, embedder, upvotes, floor);
    }

    /**
     * This service, sorting by upvotes with {@code mostUpvoted}: given n, the n most upvoted papers
     * and their upvotes, most first, as the store's index reads them (the votes belong to another
     * feature; search only orders by them).
     */
    public SearchService withUpvotes(IntFunction<Map<String, Integer>> mostUpvoted) {
        return new SearchService(index, queries, embedder, mostUpvoted, floor);
    }

    /**
     * As {@link #search(String, int, Ranking)} in {@code order}: by relevance, or the whole list
     * newest or most upvoted first (ties by relevance).
     *
     * @throws InvalidQueryException when {@code q} cannot be run
     */
    public SearchResults search(String q, int limit, Ranking ranking, SearchOrder order) throws InvalidQueryException {
        return search(q, 0, limit, ranking, order);
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
     * alone only above {@link #FLOOR}; when no paper contains the words, the typo-tolerant
     * fallback runs, and when that finds nothing too, the papers above {@link #MEANING_FLOOR} come back apart,
     * as {@link SearchResults#closeInMeaning()}.
     *
     * @throws InvalidQueryException when {@code q} cannot be run, or ranks by meaning without an embedder
     */
    public SearchResults search(String q, int limit, Ranking ranking) throws InvalidQueryException {
        return search(q, 0, limit, ranking, SearchOrder.RELEVANCE);
    }

    /**
     * Results {@code offset} to {@code offset + limit} of the whole list for {@code q} (see
     * {@link ResultList} for what it holds), with its exact size; highlighted.
     *
     * @throws InvalidQueryException when {@code q} cannot be run, the page lies past
     *     {@link #MAX_WINDOW}, or the ranking is by meaning without an embedder
     */
    public SearchResults search(String q, int offset, int limit, Ranking ranking, SearchOrder order)
            throws InvalidQueryException {
        SearchQuery parsed = checked(q, offset, limit, ranking);
        try {
            return index.withSearcher(searcher -> {
                Found found = find(searcher, parsed, offset, limit, ranking, order);
                return new SearchResults(
                        hits(searcher, found.words(), found.window().docs()),
                        found.fuzzy(),
                        hits(searcher, found.words(), found.close()),
                        found.window().total(),
                        found.window().byMeaning());
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    /**
     * What a search found: the word query it answers (for highlighting), the page of results,
     * whether they come from the typo-tolerant fallback, and, when nothing matched, the papers
     * close in meaning.
     */
    private record Found(Query words, ResultList.Window window, boolean fuzzy, ScoreDoc[] close) {}

    private Found find(
            IndexSearcher searcher, SearchQuery parsed, int offset, int limit, Ranking asked, SearchOrder order)
            throws IOException {
        // Nothing to rank by meaning (only filters, named papers, exclusions): every ranking lists what they allow.
        Ranking ranking = queries.meaning(parsed).isBlank() ? Ranking.BM25 : asked;
        ScoreDoc[] nearest = ranking == Ranking.BM25 ? new ScoreDoc[0] : nearestDocs(searcher, parsed, FUSION_DEPTH);
        ResultList list = new ResultList(searcher, parsed, floor);
        Query exact = queries.build(parsed, false);
        for (boolean fuzzy : new boolean[] {false, true}) {
            Query words = fuzzy ? queries.build(parsed, true) : exact;
            int count = searcher.count(words);
            if (count > 0) {
                return new Found(
                        words,
                        list.window(words, count, nearest, ranking, order, upvotes, offset, limit),
                        fuzzy,
                        new ScoreDoc[0]);
            }
            if (parsed.text().isBlank()) {
                break; // only filters: no words to allow typos in
            }
        }
        return new Found(exact, new ResultList.Window(new ScoreDoc[0], 0, 0), false, list.aboveFloor(nearest, limit));
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
        Highlights.Highlight[] marked = highlights.highlight(searcher, query, top);
        List<String> ids = IndexFields.ids(searcher, docs);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(new SearchHit(ids.get(i), docs[i].score, marked[i].title(), marked[i].snippet()));
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
        SearchQuery parsed = checked(q, 0, limit, ranking);
        try {
            return index.withSearcher(searcher -> IndexFields.ids(
                    searcher,
                    find(searcher, parsed, 0, limit, ranking, SearchOrder.RELEVANCE)
                            .window()
                            .docs()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        }
    }

    private SearchQuery checked(String q, int offset, int limit, Ranking ranking) throws InvalidQueryException {
        checkLimit(limit);
        if (offset < 0 || (long) offset + limit > MAX_WINDOW) {
            throw new InvalidQueryException("search lists the first " + MAX_WINDOW + " results; this page would end at "
                    + ((long) offset + limit) + " (add words or filters to narrow the query)");
        }
        SearchQuery parsed = SearchQueryParser.parse(q);
        if (ranking != Ranking.BM25 && embedder == null) {
            throw new InvalidQueryException("ranking by " + ranking.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs semantic search, which is off on this server (serve --embeddings)");
        }
        return parsed;
    }

    private static void checkLimit(int limit) throws InvalidQueryException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }

    private static InvalidQueryException tooManyTerms() {
        return new InvalidQueryException("q expands to too many terms; use fewer or shorter words");
    }

    private ScoreDoc[] nearestDocs(IndexSearcher searcher, SearchQuery parsed, int limit) throws IOException {
        String meaning = queries.meaning(parsed);
        if (meaning.isBlank()) {
            return new ScoreDoc[0];
        }
        Query knn = new KnnFloatVectorQuery(
                IndexFields.VECTOR, embedder.embedQuery(meaning), limit, queries.filter(parsed));
        return searcher.search(knn, limit).scoreDocs;
    }
}
