package io.paperboy.search;

import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** The fields of a paper's Lucene document, and how a paper becomes one. */
final class IndexFields {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    /**
     * Title and abstract as one field for BM25: the title {@value #TITLE_REPEATS} times, then the
     * abstract. Scoring one field is BM25F (Robertson, Zaragoza and Taylor, CIKM 2004) with title
     * weight {@value #TITLE_REPEATS}: a title occurrence counts twice in the term frequency and the
     * length, and a word in both fields is one term, not two added scores. Lucene's
     * {@code CombinedFieldQuery} computes the same at query time, but its score bounds are loose,
     * so top-k search could skip few documents; a plain field has exact per-block bounds
     * (docs/benchmarks.md). Frequencies only: phrases and highlighting use the title and abstract
     * fields.
     */
    static final String TEXT = "text";
    /** The title weight of {@link #TEXT}, chosen on SciFact's training queries. */
    static final int TITLE_REPEATS = 2;

    static final String AUTHORS = "authors";
    /** Categories as words for BM25 ({@code cs.CL} gives cs, cl, cscl). */
    static final String CATEGORY_TEXT = "category_text";
    /** Exact categories, lower-cased, for {@code cat:cs.CL}. */
    static final String CATEGORY = "category";
    /** The archive of each category ({@code cs} for {@code cs.CL}), for {@code cat:cs}. */
    static final String ARCHIVE = "archive";
    /** Publication date as days since 1970-01-01: points for ranges, doc values for sorting. */
    static final String PUBLISHED_DAY = "published_day";

    static final String YEAR = "year";
    /**
     * For a paper without a publication date: the month its arXiv id was assigned (when its first
     * version came out), as months since 1970-01, so that date filters covering that whole month
     * find it.
     */
    static final String ID_MONTH = "id_month";
    /** The change number the document was built from (stored only; lets tests compare indexes). */
    static final String CHANGE_SEQ = "change_seq";

    /**
     * Title and abstract are indexed from token streams analysed once (see {@link #analysedOnce}),
     * so the stored value is a field of its own. Offsets are in the postings, so the highlighter
     * needs no re-analysis.
     */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    private static final FieldType TERM_FREQUENCIES = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        TERM_FREQUENCIES.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TERM_FREQUENCIES.freeze();
    }

    // One analyzer per field: an analyzer reuses one set of components per thread, and the
    // title's and the abstract's token streams are alive at the same time.
    private static final Analyzer TITLE_ANALYZER = PaperAnalyzers.text();
    private static final Analyzer ABSTRACT_ANALYZER = PaperAnalyzers.text();

    private IndexFields() {}

    /** The paper's embedding (see {@link Embedder}), in an HNSW graph for nearest-neighbour search. */
    static final String VECTOR = "vector";

    /** The paper's document; {@code vector} may be null (not embedded yet, or embeddings off). */
    static Document document(Paper p, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(p.id())));
        TokenStream title = analysedOnce(TITLE_ANALYZER, TITLE, p.title());
        TokenStream abstractText = analysedOnce(ABSTRACT_ANALYZER, ABSTRACT, p.abstractText());
        doc.add(new StoredField(TITLE, p.title()));
        doc.add(new Field(TITLE, title, TEXT_WITH_OFFSETS));
        doc.add(new StoredField(ABSTRACT, p.abstractText()));
        doc.add(new Field(ABSTRACT, abstractText, TEXT_WITH_OFFSETS));
        for (int i = 0; i < TITLE_REPEATS; i++) {
            doc.add(new Field(TEXT, title, TERM_FREQUENCIES));
        }
        doc.add(new Field(TEXT, abstractText, TERM_FREQUENCIES));
        for (String author : p.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        }
        for (String category : p.categories()) {
            String lower = category.toLowerCase(Locale.ROOT);
            doc.add(new TextField(CATEGORY_TEXT, category, Field.Store.NO));
            doc.add(new StringField(CATEGORY, lower, Field.Store.NO));
            doc.add(new StringField(ARCHIVE, archive(lower), Field.Store.NO));
        }
        if (p.published() != null) {
            long day = p.published().toEpochDay();
            doc.add(new LongPoint(PUBLISHED_DAY, day));
            doc.add(new NumericDocValuesField(PUBLISHED_DAY, day));
            doc.add(new IntPoint(YEAR, p.published().getYear()));
        } else if (ArxivId.isValid(p.id())) {
            doc.add(new IntPoint(ID_MONTH, epochMonth(ArxivId.parse(p.id()).yearMonth())));
        }
        doc.add(new StoredField(CHANGE_SEQ, p.changeSeq()));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    /**
     * The text's tokens, analysed when the index writer first reads them and replayed from memory
     * to the fields that index the same text again ({@link #TEXT}): analysis is most of the
     * indexing time, and analysing title and abstract twice made a rebuild a third slower.
     * The stream borrows the analyzer's per-thread components, so the document must be indexed
     * before the next one is made on the same thread, as every caller does.
     */
    private static TokenStream analysedOnce(Analyzer analyzer, String field, String text) {
        return new CachingTokenFilter(analyzer.tokenStream(field, text));
    }

    /**
     * The paper ids of {@code hits}, read from doc values: loading stored fields would decompress
     * whole blocks of abstracts per hit (it made a 100-hit query ten times slower).
     */
    static List<String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<String> ids = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedDocValues values = leaf.reader().getSortedDocValues(ID);
            if (values == null || !values.advanceExact(hit.doc - leaf.docBase)) {
                throw new IllegalStateException("search index: document " + hit.doc + " has no id");
            }
            ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
        }
        return ids;
    }

    /** {@code cs} for {@code cs.cl}, {@code hep-th} for {@code hep-th}. */
    static String archive(String category) {
        int dot = category.indexOf('.');
        return dot < 0 ? category : category.substring(0, dot);
    }

    /** Months since 1970-01 (negative before). */
    static int epochMonth(YearMonth month) {
        return (month.getYear() - 1970) * 12 + month.getMonthValue() - 1;
    }
}
