package io.paperboy.search;

import java.io.Reader;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the search index: English text for titles and abstracts, names for authors.
 *
 * <p>Text analysis, in order:
 * <ol>
 *   <li>LaTeX is reduced to its words before tokenizing: {@code $\mathcal{O}(n \log n)$} reads as
 *       {@code O(n log n)}, {@code $k$-NN} as {@code k-NN}, {@code \ell_1} as {@code ell1}.</li>
 *   <li>Whitespace tokenizing keeps hyphenated and dotted words whole, so the word delimiter filter
 *       can emit both the parts and their concatenation: {@code low-rank} gives {@code low},
 *       {@code rank} and {@code lowrank}; {@code GPT-4} gives {@code gpt}, {@code 4} and
 *       {@code gpt4}; {@code ResNet50} gives {@code resnet}, {@code 50} and {@code resnet50}. Case
 *       changes do not split, so acronyms ({@code LoRA}, {@code BERTScore}) stay one word. The
 *       graph is flattened (parts and concatenation share positions), so the same chain serves
 *       queries: {@code low-rank} finds "low rank" and "lowrank", and "low rank" finds
 *       {@code low-rank}.</li>
 *   <li>Lower case, ASCII folding (Schölkopf = Scholkopf), English stop words, Porter stemming
 *       (LLMs = LLM); the choice of stemmer and stop words was measured on SciFact's training
 *       queries (docs/benchmarks.md).</li>
 * </ol>
 */
public final class PaperAnalyzers {
    /** Bump when analysis or the document fields change: an index built by another version is rebuilt on open. */
    public static final String VERSION = "3";

    private static final int DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.CATENATE_ALL
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    // Formatting commands whose argument is the word: \mathcal{O} -> O, \text{loss} -> loss.
    private static final Pattern LATEX_WRAPPER =
            Pattern.compile("\\\\(?:math[a-z]*|text[a-z]*|emph|operatorname|boldsymbol|bm|rm|bf|it)\\s*\\{([^{}]*)\\}");
    // Any other command keeps its name as a word: \alpha -> alpha, \log -> log.
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    // Math delimiters, braces, sub- and superscript marks vanish so $k$-NN reads k-NN, x_{i} reads xi.
    private static final Pattern LATEX_MARKUP = Pattern.compile("[$^_{}]|\\\\[,;:!]");

    private PaperAnalyzers() {}

    /** English text with hyphen, acronym and LaTeX handling, for titles, abstracts and free-text queries. */
    public static Analyzer text() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                Reader r = new PatternReplaceCharFilter(LATEX_WRAPPER, " $1", reader);
                r = new PatternReplaceCharFilter(LATEX_COMMAND, " $1", r);
                return new PatternReplaceCharFilter(LATEX_MARKUP, "", r);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new WhitespaceTokenizer();
                TokenStream s = new WordDelimiterGraphFilter(
                        source, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, DELIMITER_FLAGS, null);
                s = new FlattenGraphFilter(s);
                s = new LowerCaseFilter(s);
                s = new ASCIIFoldingFilter(s);
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                s = new PorterStemFilter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** Personal names: words lower-cased and accent-folded, never stemmed (LeCun, Schölkopf). */
    public static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(source, s);
            }

            // A phrase never spans two authors: "Yann LeCun" must not match "… Yann" + "LeCun …".
            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /** The analyzer of every field of the index. */
    public static Analyzer perField() {
        Analyzer text = text();
        return new PerFieldAnalyzerWrapper(
                new KeywordAnalyzer(),
                Map.of(
                        IndexFields.TITLE, text,
                        IndexFields.ABSTRACT, text,
                        IndexFields.TEXT, text,
                        IndexFields.CATEGORY_TEXT, text,
                        IndexFields.AUTHORS, names()));
    }
}
