package io.paperboy.bench;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.SearchHit;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Relevance of Paperboy's BM25 search on BEIR SciFact: nDCG@10 and Recall@100 over the test
 * queries, end to end (papers stored in a real SQLite store, indexed by the change follower,
 * searched through the query language), and a non-zero exit code below the targets.
 *
 * <p>Run (the data set stays outside the repository; see docs/benchmarks.md):
 * <pre>./mvnw -q -B -Pbench test-compile exec:exec -Dscifact=../shared/data/beir-scifact</pre>
 * or {@code java -cp … io.paperboy.bench.SciFactBenchmark DIR [--split test] [--min-ndcg 0.69]
 * [--min-recall 0.0]}.
 */
public final class SciFactBenchmark {
    private static final int RANKED = 100;

    /** One row of the results table. */
    record Result(String name, double ndcg10, double recall100, int queries, double msPerQuery) {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String split = option(args, "--split", "test");
        double minNdcg = Double.parseDouble(option(args, "--min-ndcg", "0"));
        double minRecall = Double.parseDouble(option(args, "--min-recall", "0"));
        BeirDataset data = BeirDataset.load(folder, split);
        Path temp = Files.createTempDirectory("paperboy-scifact");
        try (Database db = Database.open(Database.sqliteUrl(temp.resolve("store.db")));
             SearchIndex index = SearchIndex.inMemory()) {
            long start = System.nanoTime();
            store(db, data);
            int indexed = new IndexFollower(new PaperService(db), index).catchUp();
            System.out.printf("SciFact (%s): %,d documents stored and indexed in %.1f s, %d queries%n", split,
                    indexed, (System.nanoTime() - start) / 1e9, data.queries().size());
            Result bm25 = evaluate("BM25", data, new SearchService(index));
            print(bm25);
            boolean pass = bm25.ndcg10() >= minNdcg && bm25.recall100() >= minRecall;
            System.out.printf("targets: nDCG@10 >= %.3f, Recall@100 >= %.3f: %s%n", minNdcg, minRecall,
                    pass ? "met" : "MISSED");
            System.exit(pass ? 0 : 1);
        } finally {
            deleteTree(temp);
        }
    }

    /** Stores the corpus as papers (id, title, abstract) through the product's write path. */
    static void store(Database db, BeirDataset data) {
        PaperService papers = new PaperService(db);
        List<Paper> batch = new ArrayList<>();
        for (BeirDataset.Doc d : data.corpus()) {
            batch.add(Paper.builder(d.id(), d.title().strip()).abstractText(d.text()).build());
            if (batch.size() == 1000) {
                List<Paper> full = List.copyOf(batch);
                db.useTransaction(h -> papers.store(h, full));
                batch.clear();
            }
        }
        db.useTransaction(h -> papers.store(h, batch));
    }

    static Result evaluate(String name, BeirDataset data, SearchService search) throws InvalidQueryException {
        double ndcg = 0;
        double recall = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String> q : data.queries().entrySet()) {
            List<String> ranked = search.search(q.getValue(), RANKED).hits().stream().map(SearchHit::paperId).toList();
            Set<String> relevant = data.relevant().get(q.getKey());
            ndcg += RelevanceMetrics.ndcg(ranked, relevant, 10);
            recall += RelevanceMetrics.recall(ranked, relevant, RANKED);
        }
        int n = data.queries().size();
        return new Result(name, ndcg / n, recall / n, n, (System.nanoTime() - start) / 1e6 / n);
    }

    static void print(Result r) {
        System.out.printf("%-8s nDCG@10 %.4f  Recall@100 %.4f  (%d queries, %.1f ms/query with highlighting)%n",
                r.name(), r.ndcg10(), r.recall100(), r.queries(), r.msPerQuery());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
