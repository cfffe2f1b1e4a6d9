package io.paperboy.paper;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What other features learned about a paper beyond its own metadata, for its card, its page, the
 * JSON API and its Markdown: key phrases (keyword), the stars of its code on GitHub (github; null
 * until a good answer, or when the repository is gone) and the Hugging Face models, datasets and
 * Spaces that cite it (hub; null until a good answer). Read from the store only: a page never
 * waits on GitHub or the Hub.
 */
public record PaperExtras(List<String> keywords, Integer githubStars, HubLinks hub) {
    public static final PaperExtras NONE = new PaperExtras(List.of(), null, null);

    public PaperExtras {
        keywords = List.copyOf(keywords);
    }

    /** The first {@code n} key phrases: cards stay short. */
    public List<String> keywords(int n) {
        return keywords.subList(0, Math.min(n, keywords.size()));
    }

    /** Stars as a card shows them: 950, 1.2k, 12k, 1.5M; null without stars. */
    public String starsShort() {
        return githubStars == null ? null : compact(githubStars);
    }

    static String compact(int n) {
        if (n < 1000) {
            return Integer.toString(n);
        }
        if (n < 1_000_000) {
            return n < 10_000 ? trim(n / 1000.0) + "k" : n / 1000 + "k";
        }
        return trim(n / 1_000_000.0) + "M";
    }

    // One decimal, rounded down (a card never claims more than there is), "1.0" written as "1".
    private static String trim(double value) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", Math.floor(value * 10) / 10);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** The extras of every paper among a page's ids, in a few queries (absent: {@link #NONE}). */
    @FunctionalInterface
    public interface Source {
        Map<String, PaperExtras> of(Collection<String> ids);

        default PaperExtras of(String id) {
            return of(List.of(id)).getOrDefault(id, PaperExtras.NONE);
        }

        Source EMPTY = ids -> Map.of();
    }

    /** What cites the paper on the Hugging Face Hub, as its paper API counts them. */
    public record HubLinks(Linked models, Linked datasets, Linked spaces) {
        /** Models, datasets and Spaces together: what a card shows at a glance. */
        public int total() {
            return models.total() + datasets.total() + spaces.total();
        }

        /** "3 models · 1 dataset · 2 Spaces", leaving out the kinds with none. */
        public String summary() {
            List<String> parts = new java.util.ArrayList<>();
            count(parts, models.total(), "model", "models");
            count(parts, datasets.total(), "dataset", "datasets");
            count(parts, spaces.total(), "Space", "Spaces");
            return String.join(" · ", parts);
        }

        private static void count(List<String> parts, int n, String one, String many) {
            if (n > 0) {
                parts.add(compact(n) + " " + (n == 1 ? one : many));
            }
        }
    }

    /** How many repositories of one kind cite the paper, and the most liked few. */
    public record Linked(int total, List<Item> top) {
        public Linked {
            top = List.copyOf(top);
        }

        public static final Linked NONE = new Linked(0, List.of());
    }

    /** A Hub repository ({@code owner/name}) with its likes and, for models and datasets, downloads (else null). */
    public record Item(String id, int likes, Integer downloads) {}
}
