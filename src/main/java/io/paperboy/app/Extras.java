package io.paperboy.app;

import io.paperboy.paper.PaperExtras;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The extras of a page's papers, gathered from the features that know them, one query each for
 * the whole page: key phrases (keyword), GitHub stars (github, when shown) and the Hub's linked
 * repositories (hub, when shown).
 */
final class Extras implements PaperExtras.Source {
    private final Function<Collection<String>, Map<String, List<String>>> keywords;
    private final Function<Collection<String>, Map<String, Integer>> stars;
    private final Function<Collection<String>, Map<String, PaperExtras.HubLinks>> hub;

    /** {@code stars} and {@code hub} may be null: not shown. */
    Extras(
            Function<Collection<String>, Map<String, List<String>>> keywords,
            Function<Collection<String>, Map<String, Integer>> stars,
            Function<Collection<String>, Map<String, PaperExtras.HubLinks>> hub) {
        this.keywords = keywords;
        this.stars = stars;
        this.hub = hub;
    }

    @Override
    public Map<String, PaperExtras> of(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> phrases = keywords.apply(ids);
        Map<String, Integer> starCounts = stars == null ? Map.of() : stars.apply(ids);
        Map<String, PaperExtras.HubLinks> linked = hub == null ? Map.of() : hub.apply(ids);
        Set<String> known = new HashSet<>(phrases.keySet());
        known.addAll(starCounts.keySet());
        known.addAll(linked.keySet());
        Map<String, PaperExtras> out = new HashMap<>();
        for (String id : known) {
            out.put(id, new PaperExtras(phrases.getOrDefault(id, List.of()), starCounts.get(id), linked.get(id)));
        }
        return out;
    }
}
