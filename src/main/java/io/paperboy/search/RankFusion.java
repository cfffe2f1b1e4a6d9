package io.paperboy.search;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** The ids of all rankings ordered by fused score (ties: first seen first), at most {@code limit}. */
    public static List<String> fuse(List<List<String>> rankings, int k, int limit) {
        Map<String, Double> scores = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (List<String> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                String id = ranking.get(i);
                if (!scores.containsKey(id)) {
                    order.add(id);
                }
                scores.merge(id, 1.0 / (k + i + 1), Double::sum);
            }
        }
        List<String> fused = new ArrayList<>(order);
        fused.sort((a, b) -> Double.compare(scores.get(b), scores.get(a))); // stable: ties keep first-seen order
        return fused.subList(0, Math.min(limit, fused.size()));
    }
}
