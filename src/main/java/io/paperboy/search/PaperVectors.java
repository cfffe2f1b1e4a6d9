package io.paperboy.search;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The papers' embeddings as the index holds them, for the personal ranking: the vectors of given
 * papers, and the papers nearest to any vector. Papers not embedded yet (or with semantic search
 * off) simply have none.
 */
public final class PaperVectors {
    private final SearchIndex index;

    public PaperVectors(SearchIndex index) {
        this.index = index;
    }

    /** The embeddings of those {@code ids} that have one, in the order asked. */
    public Map<String, float[]> of(Collection<String> ids) {
        return index.withSearcher(searcher -> {
            Map<String, float[]> found = new LinkedHashMap<>();
            for (String id : ids) {
                float[] vector = vectorOf(searcher, id);
                if (vector != null) {
                    found.put(id, vector);
                }
            }
            return found;
        });
    }

    /** Up to {@code limit} papers whose embeddings are nearest to {@code vector}, nearest first. */
    public List<String> nearest(float[] vector, int limit) {
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, limit), limit);
            return IndexFields.ids(searcher, top.scoreDocs);
        });
    }

    static float[] vectorOf(IndexSearcher searcher, String id) throws IOException {
        TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (hit.scoreDocs.length == 0) {
            return null;
        }
        int doc = hit.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int inLeaf = doc - leaf.docBase;
        return it.advance(inLeaf) == inLeaf ? values.vectorValue(it.index()).clone() : null;
    }
}
