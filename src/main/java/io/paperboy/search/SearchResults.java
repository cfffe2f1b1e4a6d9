package io.paperboy.search;

import java.util.List;

/**
 * The hits of a search, best first.
 *
 * @param fuzzy true when nothing matched exactly and these hits come from the typo-tolerant fallback
 * @param closeInMeaning when nothing matched (hits empty), papers whose meaning is close to the query's
 *     words: above {@link SearchService#MEANING_FLOOR}, and within every filter and exclusion of the query
 */
public record SearchResults(List<SearchHit> hits, boolean fuzzy, List<SearchHit> closeInMeaning) {
    public SearchResults {
        hits = List.copyOf(hits);
        closeInMeaning = List.copyOf(closeInMeaning);
    }

    public SearchResults(List<SearchHit> hits, boolean fuzzy) {
        this(hits, fuzzy, List.of());
    }
}
