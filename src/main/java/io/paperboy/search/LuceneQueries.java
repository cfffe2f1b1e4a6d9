package io.paperboy.search;

import io.paperboy.search.SearchQuery.Clause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link SearchQuery} into a Lucene query.
 *
 * <p>Free text is scored with BM25F (Robertson, Zaragoza and Taylor, "Simple BM25 extension to
 * multiple weighted fields", CIKM 2004) by plain term queries on {@link IndexFields#TEXT}, which
 * holds the title twice and the abstract: a word in both is not counted twice and length
 * normalisation sees the whole paper. Words are
 * optional (OR): more matching words score higher. Words that share a position (the parts and
 * concatenation of {@code low-rank}) are alternatives: the best of them counts. Author and
 * category words add their own BM25 score. Filters (categories, dates) do not score.
 */
final class LuceneQueries {
    private final Analyzer text = PaperAnalyzers.text();
    private final Analyzer names = PaperAnalyzers.names();
    private final TextScoring scoring;

    /**
     * How phrases, authors and categories are weighted. Free text's title weight is fixed in the
     * index ({@link IndexFields#TITLE_REPEATS}); phrases boost title matches by the same factor.
     * The author and category boosts are untuned guesses (SciFact has neither).
     */
    record TextScoring(float titleWeight, float authorBoost, float categoryBoost) {
        static final TextScoring DEFAULT = new TextScoring(2f, 0.5f, 0.5f);
    }

    LuceneQueries(TextScoring scoring) {
        this.scoring = scoring;
    }

    /** The query, or with {@code fuzzy} the same with each word matching within one or two typos. */
    Query build(SearchQuery q, boolean fuzzy) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scored = false;
        if (!q.text().isBlank()) {
            Query words = fuzzy ? fuzzyText(q.text()) : freeText(q.text());
            if (words != null) {
                b.add(words, Occur.MUST);
                scored = true;
            }
        }
        for (Clause c : required(q)) {
            Query clause = clause(c);
            if (clause != null) {
                b.add(clause, filters(c) ? Occur.FILTER : Occur.MUST);
                scored |= !filters(c);
            }
        }
        for (Clause c : q.excluded()) {
            Query clause = clause(c);
            if (clause != null) {
                b.add(clause, Occur.MUST_NOT);
            }
        }
        if (!scored) {
            // Only filters or exclusions: everything they allow. Words that all vanished in
            // analysis ("the", "*"): nothing, rather than every paper.
            b.add(ranksByRelevance(q) ? new MatchNoDocsQuery() : new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    /**
     * Whether the query ranks by relevance: it has words, phrases or authors. Categories, dates
     * and exclusions alone only filter, and every paper they allow scores the same.
     */
    static boolean ranksByRelevance(SearchQuery q) {
        return !q.text().isBlank() || q.required().stream().anyMatch(c -> !filters(c));
    }

    // Categories, dates and named papers narrow the list without ranking it.
    private static boolean filters(Clause c) {
        return c instanceof SearchQuery.AnyOf any
                ? any.clauses().stream().allMatch(LuceneQueries::filters)
                : c instanceof SearchQuery.Category
                        || c instanceof SearchQuery.Published
                        || c instanceof SearchQuery.Paper;
    }

    /** The query's required clauses, with the papers it names as one: several named papers are any of them. */
    private static List<Clause> required(SearchQuery q) {
        List<Clause> out = new ArrayList<>();
        List<Clause> papers = new ArrayList<>();
        for (Clause c : q.required()) {
            (c instanceof SearchQuery.Paper ? papers : out).add(c);
        }
        if (!papers.isEmpty()) {
            out.add(papers.size() == 1 ? papers.getFirst() : new SearchQuery.AnyOf(papers));
        }
        return out;
    }

    /** What vector search embeds: the free text, and the phrases and required words (alternatives' too). */
    String meaning(SearchQuery q) {
        StringBuilder text = new StringBuilder(q.text());
        for (Clause c : q.required()) {
            for (Clause part : c instanceof SearchQuery.AnyOf any ? any.clauses() : List.of(c)) {
                switch (part) {
                    case SearchQuery.Phrase p -> text.append(' ').append(p.text());
                    case SearchQuery.Words w -> text.append(' ').append(w.text());
                    default -> {}
                }
            }
        }
        return text.toString().strip();
    }

    /**
     * Every constraint of the query without its plain words: phrases, authors, categories, dates
     * and exclusions, for vector search, so that ranking by meaning never shows a paper the query
     * rules out; null when it has none.
     */
    Query filter(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
        boolean any = false;
        for (Clause c : required(q)) {
            Query clause = clause(c);
            if (clause != null) {
                b.add(clause, Occur.FILTER);
                any = true;
            }
        }
        for (Clause c : q.excluded()) {
            Query clause = clause(c);
            if (clause != null) {
                b.add(clause, Occur.MUST_NOT);
                any = true;
            }
        }
        return any ? b.build() : null;
    }

    /** BM25F over title and abstract plus author and category words; null when no word survives analysis. */
    Query freeText(String words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<List<String>> groups = positions(text, IndexFields.TITLE, words);
        for (List<String> group : groups) {
            List<Query> synonyms = new ArrayList<>();
            for (String term : group) {
                synonyms.add(new TermQuery(new Term(IndexFields.TEXT, term)));
            }
            b.add(synonyms.size() == 1 ? synonyms.get(0) : new DisjunctionMaxQuery(synonyms, 0f), Occur.SHOULD);
            for (String term : group) {
                b.add(
                        boost(new TermQuery(new Term(IndexFields.CATEGORY_TEXT, term)), scoring.categoryBoost()),
                        Occur.SHOULD);
            }
        }
        for (List<String> group : positions(names, IndexFields.AUTHORS, words)) {
            for (String term : group) {
                b.add(boost(new TermQuery(new Term(IndexFields.AUTHORS, term)), scoring.authorBoost()), Occur.SHOULD);
            }
        }
        BooleanQuery query = b.build();
        return query.clauses().isEmpty() ? null : query;
    }

    // Typo tolerance: each analysed word may be one edit away (two for long words); the first
    // letter must match, which keeps the automata small and typos at the start are rare.
    private Query fuzzyText(String words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (List<String> group : positions(text, IndexFields.TITLE, words)) {
            for (String term : group) {
                int edits = term.length() <= 3 ? 0 : term.length() <= 6 ? 1 : 2;
                b.add(new FuzzyQuery(new Term(IndexFields.TEXT, term), edits, 1, 50, true), Occur.SHOULD);
            }
        }
        BooleanQuery query = b.build();
        return query.clauses().isEmpty() ? null : query;
    }

    private Query clause(Clause c) {
        return switch (c) {
            case SearchQuery.Words w -> freeText(w.text());
            case SearchQuery.Phrase p -> phrase(p.text());
            case SearchQuery.Author a -> new QueryBuilder(names).createPhraseQuery(IndexFields.AUTHORS, a.name());
            case SearchQuery.Category cat ->
                new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.CATEGORY, cat.code())), Occur.SHOULD)
                        .add(new TermQuery(new Term(IndexFields.ARCHIVE, cat.code())), Occur.SHOULD)
                        .build();
            case SearchQuery.Paper paper -> new TermQuery(new Term(IndexFields.ID, paper.id()));
            case SearchQuery.AnyOf any -> anyOf(any);
            case SearchQuery.Published d -> published(d);
        };
    }

    // Alternatives the analyser left nothing of ("the OR a") drop out; none left: null.
    private Query anyOf(SearchQuery.AnyOf any) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Clause c : any.clauses()) {
            Query q = clause(c);
            if (q != null) {
                b.add(q, Occur.SHOULD);
            }
        }
        BooleanQuery query = b.build();
        return query.clauses().isEmpty() ? null : query;
    }

    private Query phrase(String words) {
        QueryBuilder builder = new QueryBuilder(text);
        Query title = builder.createPhraseQuery(IndexFields.TITLE, words);
        Query abstractText = builder.createPhraseQuery(IndexFields.ABSTRACT, words);
        if (title == null || abstractText == null) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(boost(title, scoring.titleWeight()), Occur.SHOULD)
                .add(abstractText, Occur.SHOULD)
                .build();
    }

    // The papers published in the range, and those without a date whose arXiv id's whole month lies in it.
    private static Query published(SearchQuery.Published d) {
        Query days = LongPoint.newRangeQuery(IndexFields.PUBLISHED_DAY, epochDay(d.from()), epochDay(d.to()));
        int first = d.from().equals(LocalDate.MIN)
                ? Integer.MIN_VALUE
                : IndexFields.epochMonth(YearMonth.from(d.from())) + (d.from().getDayOfMonth() == 1 ? 0 : 1);
        int last = d.to().equals(LocalDate.MAX)
                ? Integer.MAX_VALUE
                : IndexFields.epochMonth(YearMonth.from(d.to()))
                        - (d.to().equals(YearMonth.from(d.to()).atEndOfMonth()) ? 0 : 1);
        if (first > last) {
            return days;
        }
        return new BooleanQuery.Builder()
                .add(days, Occur.SHOULD)
                .add(IntPoint.newRangeQuery(IndexFields.ID_MONTH, first, last), Occur.SHOULD)
                .build();
    }

    private static long epochDay(LocalDate date) {
        return date.equals(LocalDate.MIN)
                ? Long.MIN_VALUE
                : date.equals(LocalDate.MAX) ? Long.MAX_VALUE : date.toEpochDay();
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** The analysed terms of {@code words}, grouped by position (a group holds synonyms). */
    static List<List<String>> positions(Analyzer analyzer, String field, String words) {
        List<List<String>> groups = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, words)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || groups.isEmpty()) {
                    groups.add(new ArrayList<>());
                }
                List<String> group = groups.get(groups.size() - 1);
                if (!group.contains(term.toString())) {
                    group.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query cannot fail on a string", e);
        }
        return groups;
    }
}
