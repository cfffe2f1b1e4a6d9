package io.paperboy.bench;

import java.util.List;
import java.util.Set;

/**
 * Ranking metrics with binary relevance, as trec_eval and BEIR compute them.
 *
 * <p>nDCG@k (Järvelin and Kekäläinen, "Cumulated gain-based evaluation of IR techniques", TOIS
 * 2002): DCG = Σ rel(i) / log2(i + 1) over ranks i = 1..k, divided by the DCG of an ideal ranking
 * (all relevant documents first). Recall@k: relevant documents in the top k over all relevant.
 */
public final class RelevanceMetrics {
    private RelevanceMetrics() {}

    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
