package io.paperboy.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion outperforms
 * Condorcet and individual Rank Learning Methods", SIGIR 2009): a document's fused score is
 * Σ 1 / (k + rank) over the rankings that contain it, rank counted from 1. It needs no score
 * calibration between BM25 and cosine similarity; k = 60 (the paper's value) damps the weight of
 * the very first ranks so that agreement between rankings matters more than one top position.
 */
public final class RankFusion {
    public static final int K = 60;

    private RankFusion() {}

    /** The items of all rankings ordered by fused score (ties: first seen first), at most {@code limit}. */
    public static <T> List<T> fuse(List<List<T>> rankings, int k, int limit) {
        return fuseScored(rankings, k, limit).stream().map(Map.Entry::getKey).toList();
    }

    /** As {@link #fuse}, with each item's fused score. */
    static <T> List<Map.Entry<T, Double>> fuseScored(List<List<T>> rankings, int k, int limit) {
        Map<T, Double> scores = new LinkedHashMap<>();
        for (List<T> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
            }
        }
        List<Map.Entry<T, Double>> fused = new ArrayList<>(scores.entrySet());
        fused.sort((a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: ties keep first-seen order
        return fused.subList(0, Math.min(limit, fused.size()));
    }
}
