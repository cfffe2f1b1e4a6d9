package io.paperboy.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion
 * outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009): a document's fused
 * score is Σ weight / (k + rank) over the rankings that contain it, rank counted from 1. It needs
 * no score calibration between BM25 and cosine similarity.
 *
 * <p>Hybrid search fuses BM25 and vectors with equal weights and the paper's k = {@value #K},
 * which damps the very first ranks so that agreement between rankings matters more than one top
 * position. The best setting on SciFact's training claims (k 5, vectors weighted 1.5: nDCG@10
 * 0.761 against 0.749) did worse on the test claims (0.726 against 0.731): the vector ranking is
 * the stronger one on the training claims and the weaker one on the test claims, so a weight
 * fitted to one set of queries does not carry over (docs/benchmarks.md).
 */
public final class RankFusion {
    public static final int K = 60;
    public static final double VECTOR_WEIGHT = 1.0;

    private RankFusion() {}

    /** The items of all rankings ordered by fused score (ties: first seen first), at most {@code limit}. */
    public static <T> List<T> fuse(List<List<T>> rankings, int k, int limit) {
        return fuse(rankings, equalWeights(rankings.size()), k, limit);
    }

    /** As {@link #fuse(List, int, int)}, each ranking with its weight. */
    public static <T> List<T> fuse(List<List<T>> rankings, double[] weights, int k, int limit) {
        return fuseScored(rankings, weights, k, limit).stream()
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Hybrid search's fusion of a BM25 ranking and a vector ranking. */
    static <T> List<Map.Entry<T, Double>> hybrid(List<T> words, List<T> vectors, int limit) {
        return fuseScored(List.of(words, vectors), new double[] {1, VECTOR_WEIGHT}, K, limit);
    }

    private static double[] equalWeights(int n) {
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 1);
        return weights;
    }

    /** As {@link #fuse}, each ranking with its weight, and each item with its fused score. */
    static <T> List<Map.Entry<T, Double>> fuseScored(List<List<T>> rankings, double[] weights, int k, int limit) {
        Map<T, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<T> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), weights[r] / (k + i + 1), Double::sum);
            }
        }
        List<Map.Entry<T, Double>> fused = new ArrayList<>(scores.entrySet());
        fused.sort((a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: ties keep first-seen order
        return fused.subList(0, Math.min(limit, fused.size()));
    }
}
