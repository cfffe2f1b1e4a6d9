package io.paperboy.search;

import java.io.IOException;
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
 */
final class Highlights {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final int SNIPPET_SENTENCES = 2;
    private static final int MAX_ANALYZED_CHARS = 20_000;

    private final Analyzer analyzer = PaperAnalyzers.perField();

    /** A highlighted title and snippet per hit, in the hits' order. */
    record Highlight(String title, String snippet) {}

    Highlight[] highlight(IndexSearcher searcher, Query query, TopDocs hits) throws IOException {
        String[] titles = highlighter(searcher, true).highlight(IndexFields.TITLE, query, hits, 1);
        String[] snippets = highlighter(searcher, false).highlight(IndexFields.ABSTRACT, query, hits, SNIPPET_SENTENCES);
        Highlight[] out = new Highlight[hits.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Highlight(titles[i], snippets[i]);
        }
        return out;
    }

    // The title is one passage whatever its punctuation; abstracts are cut into sentences.
    private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean wholeText) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, "… ", true))
                .withMaxLength(MAX_ANALYZED_CHARS)
                .withWeightMatches(false);
        if (wholeText) {
            b.withBreakIterator(WholeBreakIterator::new);
        }
        return b.build();
    }
}
