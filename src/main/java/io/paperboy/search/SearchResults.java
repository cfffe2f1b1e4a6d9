package io.paperboy.search;

import java.util.List;

/**
 * The hits of a search, best first.
 *
 * @param fuzzy true when nothing matched exactly and these hits come from the typo-tolerant fallback
 */
public record SearchResults(List<SearchHit> hits, boolean fuzzy) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
