package io.paperboy.search;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Papers like a given one: Lucene's MoreLikeThis over title and abstract (the paper's most
 * distinctive terms by tf-idf, run as a BM25 query), the paper itself left out. It needs no
 * embeddings, so every paper page has similar papers whether or not the server embeds.
 */
public final class SimilarPapers {
    private static final int MAX_QUERY_TERMS = 25;

    private final SearchIndex index;

    public SimilarPapers(SearchIndex index) {
        this.index = index;
    }

    /** Ids of up to {@code limit} papers like {@code paperId}, best first; empty when it is not indexed. */
    public List<String> like(String paperId, int limit) {
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.ID, paperId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Query query = new BooleanQuery.Builder()
                    .add(likeQuery(searcher, self.scoreDocs[0].doc), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.ID, paperId)), BooleanClause.Occur.MUST_NOT)
                    .build();
            return IndexFields.ids(searcher, searcher.search(query, limit).scoreDocs);
        });
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
