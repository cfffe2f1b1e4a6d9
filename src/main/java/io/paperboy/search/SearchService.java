package io.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Searches the index with the query language of {@link SearchQueryParser}. */
public final class SearchService {
    public static final int MAX_LIMIT = 100;

    private final SearchIndex index;
    private final LuceneQueries queries;
    private final Highlights highlights = new Highlights();

    public SearchService(SearchIndex index) {
        this(index, LuceneQueries.TextScoring.DEFAULT);
    }

    SearchService(SearchIndex index, LuceneQueries.TextScoring scoring) {
        this.index = index;
        this.queries = new LuceneQueries(scoring);
    }

    /**
     * The best {@code limit} papers for {@code q}, highlighted; when nothing matches, the same
     * query with typo tolerance.
     *
     * @throws InvalidQueryException when {@code q} cannot be run (the message says why)
     */
    public SearchResults search(String q, int limit) throws InvalidQueryException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        SearchQuery parsed = SearchQueryParser.parse(q);
        try {
            return index.withSearcher(searcher -> run(searcher, parsed, limit));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("q expands to too many terms; use fewer or shorter words");
        }
    }

    private SearchResults run(IndexSearcher searcher, SearchQuery parsed, int limit) throws IOException {
        Query exact = queries.build(parsed, false);
        TopDocs top = searcher.search(exact, limit);
        if (top.scoreDocs.length > 0 || parsed.text().isBlank()) {
            return new SearchResults(hits(searcher, exact, top), false);
        }
        Query fuzzy = queries.build(parsed, true);
        top = searcher.search(fuzzy, limit);
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
        SearchQuery parsed = SearchQueryParser.parse(q);
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(queries.build(parsed, false), limit);
            return IndexFields.ids(searcher, top.scoreDocs);
        });
    }
}
