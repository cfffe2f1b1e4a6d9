package io.paperboy.search;

import io.paperboy.paper.ArxivId;
import io.paperboy.search.SearchQuery.Clause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the search box's language: plain words; {@code "phrases"}; {@code author:"Yann LeCun"};
 * an arXiv id or a paper's arxiv.org or huggingface.co address (that paper);
 * {@code cat:cs.CL}; {@code year:2024}, {@code year:2020..2024}; {@code date:2024-01-01..2024-06-30}
 * (either end may be open or a month or year); a leading {@code -} excludes any of these.
 *
 * <p>It is lenient where intent is clear: an unclosed quote runs to the end, control characters
 * are spaces, an unknown {@code field:} prefix and Lucene operators ({@code AND}, {@code +},
 * {@code *}, {@code ~}, parentheses) are plain text. It rejects only what it cannot run: an empty
 * query, one longer than {@value #MAX_CHARS} characters or with more than {@value #MAX_CLAUSES}
 * words and clauses, and malformed dates.
 */
public final class SearchQueryParser {
    public static final int MAX_CHARS = 1000;
    public static final int MAX_CLAUSES = 64;

    private final String input;
    private int pos;
    private int count;
    private final List<String> words = new ArrayList<>();
    private final List<Clause> required = new ArrayList<>();
    private final List<Clause> excluded = new ArrayList<>();

    private SearchQueryParser(String input) {
        this.input = input;
    }

    public static SearchQuery parse(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            throw new InvalidQueryException("q must contain something to search for");
        }
        if (raw.length() > MAX_CHARS) {
            throw new InvalidQueryException(
                    "q must be at most " + MAX_CHARS + " characters (got " + raw.length() + ")");
        }
        SearchQueryParser parser = new SearchQueryParser(clean(raw));
        parser.run();
        return new SearchQuery(String.join(" ", parser.words), parser.required, parser.excluded);
    }

    // Control and format characters and lone surrogates become spaces; nothing below can then choke on them.
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean lone = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < raw.length()
                            && Character.isLowSurrogate(raw.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                out.append(c).append(raw.charAt(++i));
                continue;
            }
            int type = Character.getType(c);
            boolean bad =
                    lone || type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE;
            out.append(bad ? ' ' : c);
        }
        return out.toString();
    }

    private void run() throws InvalidQueryException {
        while (skipSpaces()) {
            boolean negated = input.charAt(pos) == '-'
                    && pos + 1 < input.length()
                    && !Character.isWhitespace(input.charAt(pos + 1));
            if (negated) {
                pos++;
            }
            if (++count > MAX_CLAUSES) {
                throw new InvalidQueryException("q may have at most " + MAX_CLAUSES + " words and filters");
            }
            readClause(negated);
        }
        if (words.isEmpty() && required.isEmpty() && excluded.isEmpty()) {
            throw new InvalidQueryException("q must contain something to search for");
        }
    }

    private void readClause(boolean negated) throws InvalidQueryException {
        if (input.charAt(pos) == '"') {
            add(negated, new SearchQuery.Phrase(quoted()));
            return;
        }
        String field = fieldPrefix();
        if (field == null) {
            String word = bare();
            if (ArxivId.isValid(word)) {
                add(negated, new SearchQuery.Paper(ArxivId.parse(word).id()));
            } else if (negated) {
                excluded.add(new SearchQuery.Words(word));
            } else {
                words.add(word);
            }
            return;
        }
        String value = pos < input.length() && input.charAt(pos) == '"' ? quoted() : bare();
        add(negated, FieldClauses.clause(field, value));
    }

    private void add(boolean negated, Clause clause) {
        if (clause instanceof SearchQuery.Phrase p && p.text().isBlank()) {
            return;
        }
        (negated ? excluded : required).add(clause);
    }

    /** The known field name before a colon at the cursor (then skipped), or null. */
    private String fieldPrefix() {
        int colon = input.indexOf(':', pos);
        if (colon <= pos || colon - pos > 10) {
            return null;
        }
        String name = input.substring(pos, colon).toLowerCase(Locale.ROOT);
        if (!FieldClauses.FIELDS.contains(name)) {
            return null;
        }
        pos = colon + 1;
        return name;
    }

    private String quoted() {
        int start = pos + 1;
        int end = input.indexOf('"', start);
        pos = end < 0 ? input.length() : end + 1;
        return input.substring(start, end < 0 ? input.length() : end).strip();
    }

    private String bare() {
        int start = pos;
        while (pos < input.length() && !Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /** Moves past whitespace; false at the end. */
    private boolean skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        return pos < input.length();
    }
}
