package io.paperboy.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted titles and abstract snippets: the text HTML-escaped, matches in {@code <mark>}.
 * Offsets come from the postings (indexed with offsets), so nothing is re-analysed.
 *
 * <p>Both fields are highlighted in one pass, so each hit's stored fields are decompressed once,
 * and the offset source is stated rather than looked up: Lucene's highlighter otherwise merges
 * the field infos of every segment on each search. Together these were half of a BM25 search's
 * time in a profile at 200,000 papers (docs/benchmarks.md).
 */
final class Highlights {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final int SNIPPET_SENTENCES = 2;
    private static final int MAX_ANALYZED_CHARS = 20_000;
    private static final String[] FIELDS = {IndexFields.TITLE, IndexFields.ABSTRACT};
    private static final int[] PASSAGES = {1, SNIPPET_SENTENCES};

    private final Analyzer analyzer = PaperAnalyzers.perField();

    /** A highlighted title and snippet per hit, in the hits' order. */
    record Highlight(String title, String snippet) {}

    Highlight[] highlight(IndexSearcher searcher, Query query, TopDocs hits) throws IOException {
        var marked = new PaperHighlighter(searcher, analyzer).highlightFields(FIELDS, query, hits, PASSAGES);
        String[] titles = marked.get(IndexFields.TITLE);
        String[] snippets = marked.get(IndexFields.ABSTRACT);
        Highlight[] out = new Highlight[hits.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Highlight(titles[i], snippets[i]);
        }
        return out;
    }

    /** The title is one passage whatever its punctuation; abstracts are cut into sentences. */
    private static final class PaperHighlighter extends UnifiedHighlighter {
        PaperHighlighter(IndexSearcher searcher, Analyzer analyzer) {
            super(UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, "… ", true))
                    .withMaxLength(MAX_ANALYZED_CHARS)
                    .withWeightMatches(false));
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return field.equals(IndexFields.TITLE)
                    ? new WholeBreakIterator()
                    : BreakIterator.getSentenceInstance(Locale.ROOT);
        }

        // Free text is searched in the combined field; its words are the ones to mark here.
        @Override
        protected Predicate<String> getFieldMatcher(String field) {
            return queried -> queried.equals(field) || queried.equals(IndexFields.TEXT);
        }

        // Both fields are indexed with offsets (IndexFields); fuzzy queries still switch to
        // re-analysis, which the highlighter decides from the query.
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
        }
    }
}
