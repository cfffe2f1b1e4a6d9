package io.paperboy.search;

import io.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Why a paper's nearest neighbour by embedding is shown as similar, in a few honest words: the
 * authors they share, the rare words both use (rarest first: a word in at most
 * {@value #MAX_TERM_SHARE_PERCENT}% of papers), the categories both are in; when they share none of
 * these, that they are close in meaning. Words are compared as the index analyses them (stemmed),
 * and shown as the neighbour spells them.
 */
final class SimilarReasons {
    static final int MAX_TERM_SHARE_PERCENT = 5;
    private static final int MAX_TERMS = 3;

    private final Analyzer analyzer = PaperAnalyzers.text();
    private final ToIntFunction<String> docFreq;
    private final int papers;

    /** {@code docFreq} counts the papers whose text has an analysed term; {@code papers} is how many there are. */
    SimilarReasons(ToIntFunction<String> docFreq, int papers) {
        this.docFreq = docFreq;
        this.papers = papers;
    }

    String why(Paper source, Paper other) {
        List<String> parts = new ArrayList<>();
        List<String> authors = other.authors().stream()
                .filter(source.authors()::contains)
                .limit(2)
                .toList();
        if (!authors.isEmpty()) {
            parts.add((authors.size() == 1 ? "same author: " : "same authors: ") + String.join(", ", authors));
        }
        List<String> terms = sharedRareTerms(source, other);
        if (!terms.isEmpty()) {
            parts.add("both use " + String.join(", ", terms));
        }
        List<String> categories = other.categories().stream()
                .filter(source.categories()::contains)
                .limit(2)
                .toList();
        if (!categories.isEmpty() && parts.isEmpty()) {
            parts.add("close in meaning, both in " + String.join(", ", categories));
        }
        return parts.isEmpty() ? "close in meaning" : String.join("; ", parts);
    }

    private List<String> sharedRareTerms(Paper source, Paper other) {
        Map<String, String> theirs = terms(other);
        Map<String, String> ours = terms(source);
        int maxDocs = Math.max(2, papers * MAX_TERM_SHARE_PERCENT / 100);
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (String term : theirs.keySet()) {
            if (ours.containsKey(term) && term.length() > 2) {
                int df = docFreq.applyAsInt(term);
                if (df >= 2 && df <= maxDocs) {
                    shared.put(term, df);
                }
            }
        }
        return shared.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(MAX_TERMS)
                .map(e -> theirs.get(e.getKey()))
                .toList();
    }

    /** Each analysed term of the paper's title and abstract, with the word it came from (first seen). */
    private Map<String, String> terms(Paper p) {
        String text = p.title() + "\n" + (p.abstractText() == null ? "" : p.abstractText());
        Map<String, String> terms = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.putIfAbsent(
                        term.toString(),
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("similar papers: cannot analyse " + p.id(), e);
        }
        return terms;
    }
}
