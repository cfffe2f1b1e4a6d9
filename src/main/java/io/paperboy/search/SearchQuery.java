package io.paperboy.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed search query: free text ranked by BM25, plus clauses every hit must match and clauses
 * no hit may match.
 *
 * @param text the plain words, joined by spaces (may be empty)
 * @param required phrases, authors, categories, date ranges, named papers, required words and alternatives every hit matches
 * @param excluded clauses after a minus sign or NOT
 */
public record SearchQuery(String text, List<Clause> required, List<Clause> excluded) {
    public SearchQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
    }

    /** One part of a query besides its free text. */
    public sealed interface Clause permits Words, Phrase, Author, Category, Published, Paper, AnyOf {}

    /** Plain words, as a clause when excluded ({@code -transformer}) or required ({@code +lora}, {@code lora AND x}). */
    public record Words(String text) implements Clause {}

    /** A quoted phrase, matched in the title or the abstract. */
    public record Phrase(String text) implements Clause {}

    /** {@code author:"Yann LeCun"}: a phrase in one author's name. */
    public record Author(String name) implements Clause {}

    /** {@code cat:cs.CL} (exact category) or {@code cat:cs} (every category of an archive), lower case. */
    public record Category(String code) implements Clause {}

    /**
     * An arXiv id or a paper's address ({@code 2106.09685}, {@code arXiv:2106.09685v2}, an arxiv.org
     * abs / pdf / html or huggingface.co/papers URL): that paper. Several are any of them.
     */
    public record Paper(String id) implements Clause {}

    /** Alternatives, any of which a hit matches: {@code "low rank" OR adapter}, {@code (lora OR qlora)}. */
    public record AnyOf(List<Clause> clauses) implements Clause {
        public AnyOf {
            clauses = List.copyOf(clauses);
        }
    }

    /** The ids of the papers the query names (see {@link Paper}), in its order. */
    public List<String> papers() {
        return required.stream()
                .filter(c -> c instanceof Paper)
                .map(c -> ((Paper) c).id())
                .toList();
    }

    /** {@code year:2024} or {@code date:2024-01-01..2024-06-30}: publication dates, both ends included. */
    public record Published(LocalDate from, LocalDate to) implements Clause {}
}
