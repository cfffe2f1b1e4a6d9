package io.paperboy.search;

import io.paperboy.paper.ArxivId;
import io.paperboy.search.QueryOperators.Sign;
import io.paperboy.search.QueryOperators.Token;
import io.paperboy.search.QueryOperators.Unit;
import io.paperboy.search.SearchQuery.Clause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the search box's language: plain words; {@code "phrases"}; {@code author:"Yann LeCun"};
 * an arXiv id or a paper's arxiv.org or huggingface.co address (that paper);
 * {@code cat:cs.CL}; {@code year:2024}, {@code year:2020..2024}; {@code date:2024-01-01..2024-06-30}
 * (either end may be open or a month or year); a leading {@code -} excludes any of these;
 * {@code AND}, {@code OR}, {@code NOT} and parentheses holding alternatives ({@code (a OR b)}) as
 * {@link QueryOperators} reads them.
 *
 * <p>It is lenient where intent is clear: an unclosed quote or group runs to the end,
 * control characters are spaces, an unknown {@code field:} prefix and the rest of Lucene's syntax
 * ({@code +}, {@code *}, {@code ~}, {@code ^}, brackets, parentheses without OR) are plain text. It rejects only what it cannot run: an
 * empty query, one longer than {@value #MAX_CHARS} characters or with more than {@value
 * #MAX_CLAUSES} words and clauses, and malformed dates.
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
        for (Unit unit : QueryOperators.apply(tokens(false))) {
            emit(unit);
        }
        if (words.isEmpty() && required.isEmpty() && excluded.isEmpty()) {
            throw new InvalidQueryException("q must contain something to search for");
        }
    }

    // The units and operators up to the end, or in a group up to its closing parenthesis. Parentheses
    // inside a group are plain characters: groups hold alternatives, they do not nest.
    private List<Token> tokens(boolean inGroup) throws InvalidQueryException {
        List<Token> tokens = new ArrayList<>();
        while (skipSpaces()) {
            char c = input.charAt(pos);
            if (c == ')' || (c == '(' && inGroup)) {
                pos++;
                if (c == ')' && inGroup) {
                    return tokens;
                }
                continue;
            }
            Sign sign = sign(c);
            if (sign != Sign.NONE) {
                pos++;
            } else {
                QueryOperators.Operator operator = operatorAt();
                if (operator != null) {
                    tokens.add(operator);
                    continue;
                }
            }
            Unit unit = !inGroup && startsGroup() ? group(sign) : unit(sign, inGroup);
            if (unit != null) {
                tokens.add(unit);
            }
        }
        return tokens;
    }

    // A leading - before something (a lone "-" is a word the analyser drops). A leading + is text:
    // "+1 nucleosomes" and "+5 position" are how biology writes, not a demand.
    private Sign sign(char c) {
        boolean minus = c == '-' && pos + 1 < input.length() && !Character.isWhitespace(input.charAt(pos + 1));
        return minus ? Sign.MINUS : Sign.NONE;
    }

    /**
     * Whether a parenthesis at the cursor opens alternatives: the text up to its closing
     * parenthesis (or the end) has an OR, and nothing follows the parenthesis but a space. Prose
     * keeps its parentheses as text: "(LoRA)", "(H2A)-histone" and "(S)-ketamine" are words.
     */
    private boolean startsGroup() {
        if (pos >= input.length() || input.charAt(pos) != '(') {
            return false;
        }
        int close = input.indexOf(')', pos);
        int end = close < 0 ? input.length() : close;
        boolean alone = close < 0 || close + 1 == input.length() || Character.isWhitespace(input.charAt(close + 1));
        return alone
                && List.of(input.substring(pos + 1, end).strip().split("\\s+")).contains("OR");
    }

    /** The operator word at the cursor (then skipped), or null. */
    private QueryOperators.Operator operatorAt() {
        int end = pos;
        while (end < input.length()
                && !Character.isWhitespace(input.charAt(end))
                && input.charAt(end) != '('
                && input.charAt(end) != ')') {
            end++;
        }
        QueryOperators.Operator operator = QueryOperators.operator(input.substring(pos, end));
        if (operator != null) {
            pos = end;
        }
        return operator;
    }

    // (a OR b c): its members are alternatives, whatever joins them inside.
    private Unit group(Sign sign) throws InvalidQueryException {
        pos++;
        List<Clause> members = new ArrayList<>();
        for (Token token : tokens(true)) {
            if (token instanceof Unit unit && unit.sign() != Sign.MINUS) {
                members.addAll(unit.members());
            }
        }
        return members.isEmpty() ? null : new Unit(members, sign);
    }

    private Unit unit(Sign sign, boolean inGroup) throws InvalidQueryException {
        if (++count > MAX_CLAUSES) {
            throw new InvalidQueryException("q may have at most " + MAX_CLAUSES + " words and filters");
        }
        if (input.charAt(pos) == '"') {
            String phrase = quoted();
            return phrase.isBlank() ? null : new Unit(List.of(new SearchQuery.Phrase(phrase)), sign);
        }
        String field = fieldPrefix();
        if (field == null) {
            String word = bare(inGroup);
            if (word.isEmpty()) {
                return null;
            }
            Clause clause = ArxivId.isValid(word)
                    ? new SearchQuery.Paper(ArxivId.parse(word).id())
                    : new SearchQuery.Words(word);
            return new Unit(List.of(clause), sign);
        }
        String value = pos < input.length() && input.charAt(pos) == '"' ? quoted() : bare(inGroup);
        return new Unit(List.of(FieldClauses.clause(field, value)), sign);
    }

    // Plain words rank unless required (+word, AND); alternatives with anything else are one required clause.
    private void emit(Unit unit) {
        if (unit.sign() == Sign.MINUS) {
            excluded.addAll(unit.members());
        } else if (unit.plain() && unit.sign() == Sign.NONE) {
            unit.members().forEach(m -> words.add(((SearchQuery.Words) m).text()));
        } else if (unit.members().size() == 1) {
            required.add(unit.members().getFirst());
        } else {
            required.add(new SearchQuery.AnyOf(unit.members()));
        }
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

    // Up to a space, or in a group also up to its closing parenthesis.
    private String bare(boolean inGroup) {
        int start = pos;
        while (pos < input.length()
                && !Character.isWhitespace(input.charAt(pos))
                && !(inGroup && input.charAt(pos) == ')')) {
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
