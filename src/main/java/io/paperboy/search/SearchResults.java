package io.paperboy.search;

import java.util.List;

/**
 * A page of the hits of a search, best first (or in the order asked for).
 *
 * @param fuzzy true when nothing matched exactly and these hits come from the typo-tolerant fallback
 * @param closeInMeaning when nothing matched (hits empty), papers whose meaning is close to the query's
 *     words: above {@link SearchService#MEANING_FLOOR}, and within every filter and exclusion of the query
 * @param total how many results the whole list holds, over every page (exact; see {@link ResultList})
 * @param byMeaning how many of {@code total} contain none of the words and are listed for their meaning alone
 */
public record SearchResults(
        List<SearchHit> hits, boolean fuzzy, List<SearchHit> closeInMeaning, int total, int byMeaning) {
    public SearchResults {
        hits = List.copyOf(hits);
        closeInMeaning = List.copyOf(closeInMeaning);
    }

    /** How many results contain the words (or, when {@link #fuzzy}, allow a typo in them). */
    public int byWords() {
        return total - byMeaning;
    }
}
