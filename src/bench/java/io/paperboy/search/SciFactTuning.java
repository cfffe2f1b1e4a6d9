package io.paperboy.search;

import io.paperboy.bench.BeirDataset;
import io.paperboy.bench.RelevanceMetrics;
import io.paperboy.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Sweeps BM25's k1 and b on SciFact's <em>training</em> queries, so the values chosen for
 * production are never fitted to the test queries the benchmark reports. The title weight is
 * fixed in the index ({@link IndexFields#TITLE_REPEATS}); it was chosen by the same sweep when
 * BM25F was computed at query time (docs/benchmarks.md).
 *
 * <p>Run: {@code java -cp … io.paperboy.search.SciFactTuning ../shared/data/beir-scifact [split [--current]]};
 * {@code --current} evaluates only the production parameters (for comparing analyzer variants).
 */
public final class SciFactTuning {
    public static void main(String[] args) throws Exception {
        BeirDataset data = BeirDataset.load(Path.of(args[0]), args.length > 1 ? args[1] : "train");
        List<Paper> papers = new ArrayList<>();
        long seq = 1;
        for (BeirDataset.Doc d : data.corpus()) {
            papers.add(Paper.builder(d.id(), d.title().strip())
                    .abstractText(d.text())
                    .build()
                    .withChangeSeq(seq++));
        }
        boolean one = args.length > 2 && args[2].equals("--current");
        for (float k1 : one ? new float[] {1.2f} : new float[] {0.6f, 0.9f, 1.2f, 1.5f}) {
            for (float b : one ? new float[] {0.75f} : new float[] {0.3f, 0.4f, 0.55f, 0.75f}) {
                try (SearchIndex index = SearchIndex.inMemory(new BM25Similarity(k1, b))) {
                    index.apply(papers);
                    double[] m = evaluate(data, new SearchService(index, LuceneQueries.TextScoring.DEFAULT));
                    System.out.printf("k1 %.2f b %.2f  nDCG@10 %.4f  R@100 %.4f  %.1f ms/q%n", k1, b, m[0], m[1], m[2]);
                }
            }
        }
    }

    static double[] evaluate(BeirDataset data, SearchService search) throws InvalidQueryException {
        double ndcg = 0;
        double recall = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String> q : data.queries().entrySet()) {
            List<String> ranked = search.ids(q.getValue(), 100);
            ndcg += RelevanceMetrics.ndcg(ranked, data.relevant().get(q.getKey()), 10);
            recall += RelevanceMetrics.recall(ranked, data.relevant().get(q.getKey()), 100);
        }
        int n = data.queries().size();
        return new double[] {ndcg / n, recall / n, (System.nanoTime() - start) / 1e6 / n};
    }
}
