package io.paperboy.bench;

import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.RankFusion;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted reciprocal rank fusion over a grid of k and vector weights, on one split's queries:
 * score = 1 / (k + BM25 rank) + w / (k + vector rank), by the product's own {@link RankFusion}. Run it on SciFact's training claims, never
 * the test claims, so that the fusion chosen is not fitted to the figures the benchmark reports.
 */
final class FusionSweep {
    private static final int[] KS = {5, 10, 20, 30, 60, 100};
    private static final double[] VECTOR_WEIGHTS = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};

    private FusionSweep() {}

    static void run(BeirDataset data, SearchService search, int depth) throws InvalidQueryException {
        Map<String, List<String>> words = new HashMap<>();
        Map<String, List<String>> meaning = new HashMap<>();
        for (Map.Entry<String, String> q : data.queries().entrySet()) {
            words.put(q.getKey(), search.rank(q.getValue(), depth, Ranking.BM25));
            meaning.put(q.getKey(), search.rank(q.getValue(), depth, Ranking.VECTORS));
        }
        System.out.println("fusion sweep: nDCG@10 / R@100 by k (rows) and vector weight (columns)");
        for (int k : KS) {
            StringBuilder row = new StringBuilder(String.format("k %3d ", k));
            for (double w : VECTOR_WEIGHTS) {
                double ndcg = 0;
                double recall = 0;
                for (String q : data.queries().keySet()) {
                    List<String> fused =
                            RankFusion.fuse(List.of(words.get(q), meaning.get(q)), new double[] {1, w}, k, depth);
                    Set<String> relevant = data.relevant().get(q);
                    ndcg += RelevanceMetrics.ndcg(fused, relevant, 10);
                    recall += RelevanceMetrics.recall(fused, relevant, depth);
                }
                int n = data.queries().size();
                row.append(String.format("  w %.2f: %.4f / %.4f", w, ndcg / n, recall / n));
            }
            System.out.println(row);
        }
    }
}
