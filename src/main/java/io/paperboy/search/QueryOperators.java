package io.paperboy.search;

import io.paperboy.search.SearchQuery.Clause;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of the search box, as web search engines read them: {@code NOT x} is {@code -x};
 * {@code a OR b} joins its neighbours into alternatives, binding tighter than AND; {@code a AND b}
 * requires both neighbours. Only the upper-case words are operators; one with
 * nothing to act on is a plain word again (the search for "AND" alone).
 */
final class QueryOperators {
    enum Sign {
        NONE,
        /** Required: a neighbour of AND. */
        PLUS,
        /** Excluded: {@code -word}, or after NOT. */
        MINUS
    }

    /** What the parser reads: an operator or a unit. */
    sealed interface Token permits Operator, Unit {}

    enum Operator implements Token {
        AND,
        OR,
        NOT
    }

    /**
     * A word, phrase, field or named paper, or alternatives (a parenthesised group, or units joined
     * by OR): {@code members} are its clauses, plain words as {@link SearchQuery.Words}.
     */
    record Unit(List<Clause> members, Sign sign) implements Token {
        Unit {
            members = List.copyOf(members);
        }

        Unit signed(Sign s) {
            return new Unit(members, s);
        }

        /** Only plain words, which rank without being required. */
        boolean plain() {
            return members.stream().allMatch(m -> m instanceof SearchQuery.Words);
        }
    }

    private QueryOperators() {}

    /** The operator {@code word} is, or null. */
    static Operator operator(String word) {
        return switch (word) {
            case "AND" -> Operator.AND;
            case "OR" -> Operator.OR;
            case "NOT" -> Operator.NOT;
            default -> null;
        };
    }

    /** The units of {@code tokens} once every operator has acted: NOT first, then OR, then AND. */
    static List<Unit> apply(List<Token> tokens) {
        return and(or(not(tokens)));
    }

    private static List<Token> not(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == Operator.NOT && i + 1 < tokens.size() && tokens.get(i + 1) instanceof Unit next) {
                out.add(next.signed(Sign.MINUS));
                i++;
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    private static List<Token> or(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            boolean joins = tokens.get(i) == Operator.OR
                    && !out.isEmpty()
                    && out.getLast() instanceof Unit before
                    && before.sign() != Sign.MINUS
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1) instanceof Unit after
                    && after.sign() != Sign.MINUS;
            if (joins) {
                Unit before = (Unit) out.removeLast();
                Unit after = (Unit) tokens.get(++i);
                List<Clause> members = new ArrayList<>(before.members());
                members.addAll(after.members());
                out.add(new Unit(members, Sign.NONE));
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    private static List<Unit> and(List<Token> tokens) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token instanceof Unit unit) {
                boolean afterAnd =
                        i > 0 && tokens.get(i - 1) == Operator.AND && i > 1 && tokens.get(i - 2) instanceof Unit;
                boolean beforeAnd =
                        i + 2 < tokens.size() && tokens.get(i + 1) == Operator.AND && tokens.get(i + 2) instanceof Unit;
                out.add((afterAnd || beforeAnd) && unit.sign() == Sign.NONE ? unit.signed(Sign.PLUS) : unit);
            } else if (!acts(tokens, i)) {
                out.add(new Unit(List.of(new SearchQuery.Words(token.toString())), Sign.NONE));
            }
        }
        return out;
    }

    // Whether the AND at i stands between two units; any other operator left here had nothing to act on.
    private static boolean acts(List<Token> tokens, int i) {
        return tokens.get(i) == Operator.AND
                && i > 0
                && tokens.get(i - 1) instanceof Unit
                && i + 1 < tokens.size()
                && tokens.get(i + 1) instanceof Unit;
    }
}
