package io.paperboy.listing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a paper trends: its score (see {@link TrendingScore}) and the votes behind it.
 *
 * @param lastDay members' upvotes cast in the last 24 hours
 * @param members all members' upvotes
 * @param imported upvotes brought from its sources, counted as cast on {@code featured}
 * @param featured the first day it was featured
 */
public record Trend(double score, int lastDay, int members, int imported, LocalDate featured) {

    /** "14 upvotes in the last 24 h · 3 earlier · 120 imported upvotes, counted as cast on 2026-06-12". */
    public String why() {
        List<String> parts = new ArrayList<>();
        if (lastDay > 0) {
            parts.add(upvotes(lastDay) + " in the last 24 h");
        }
        int earlier = members - lastDay;
        if (earlier > 0) {
            parts.add(lastDay > 0 ? earlier + " earlier" : upvotes(earlier) + " from members, none in the last 24 h");
        }
        if (imported > 0) {
            parts.add((imported == 1 ? "1 imported upvote" : imported + " imported upvotes") + ", counted as cast on "
                    + featured);
        }
        return parts.isEmpty() ? "no upvotes yet; featured " + featured : String.join(" · ", parts);
    }

    /** The score as the page shows it, e.g. "0.0123". */
    public String scoreText() {
        return String.format(Locale.ROOT, "%.4g", score);
    }

    private static String upvotes(int n) {
        return n == 1 ? "1 upvote" : n + " upvotes";
    }
}
