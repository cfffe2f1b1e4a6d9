package io.paperboy.search;

import io.paperboy.bench.BeirDataset;
import io.paperboy.bench.RelevanceMetrics;
import io.paperboy.paper.Paper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Calibrates the meaning floor of SearchService, the cosine similarity above which a paper may
 * enter hybrid results by meaning alone, on SciFact's <em>training</em> claims: the similarity of
 * each claim to its relevant abstracts, to its best abstract, and the best similarity reached by
 * nonsense queries (random letter strings, which no abstract is about); then hybrid nDCG@10 and
 * Recall@100 on the training claims for several floors (docs/benchmarks.md).
 *
 * <p>Run: {@code java -cp … io.paperboy.search.FloorCalibration ../shared/data/beir-scifact
 * /tmp/scifact-vectors.bin} (the corpus's embeddings are cached in that file: embedding 5,183
 * abstracts takes minutes).
 */
public final class FloorCalibration {
    private static final int NONSENSE_QUERIES = 300;

    public static void main(String[] args) throws Exception {
        BeirDataset data = BeirDataset.load(Path.of(args[0]), "train");
        Embedder embedder = new Embedder();
        List<Paper> papers = new ArrayList<>();
        long seq = 1;
        for (BeirDataset.Doc d : data.corpus()) {
            papers.add(Paper.builder(d.id(), d.title().strip())
                    .abstractText(d.text())
                    .build()
                    .withChangeSeq(seq++));
        }
        List<float[]> vectors = vectors(Path.of(args[1]), embedder, papers);
        Map<String, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            row.put(papers.get(i).id(), i);
        }
        List<Double> relevant = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        List<Double> tenth = new ArrayList<>();
        for (Map.Entry<String, String> q : data.queries().entrySet()) {
            double[] sims = similarities(embedder.embedQuery(q.getValue()), vectors);
            for (String id : data.relevant().get(q.getKey())) {
                relevant.add(sims[row.get(id)]);
            }
            double[] sorted = sims.clone();
            Arrays.sort(sorted);
            best.add(sorted[sorted.length - 1]);
            tenth.add(sorted[sorted.length - 10]);
        }
        List<Double> nonsense = new ArrayList<>();
        for (String q : nonsense()) {
            nonsense.add(Arrays.stream(similarities(embedder.embedQuery(q), vectors))
                    .max()
                    .orElse(0));
        }
        print("claim to a relevant abstract", relevant);
        print("claim to its best abstract", best);
        print("claim to its 10th abstract", tenth);
        print("nonsense to its best abstract", nonsense);
        if (args.length > 2 && args[2].equals("--sweep")) {
            sweep(data, papers, vectors, embedder);
        }
    }

    private static void sweep(BeirDataset data, List<Paper> papers, List<float[]> vectors, Embedder embedder)
            throws InvalidQueryException {
        try (SearchIndex index = SearchIndex.inMemory()) {
            index.apply(papers, vectors);
            List<MeaningFloor> floors = new ArrayList<>();
            for (double floor : new double[] {-1, 0.6, 0.65, 0.7, 0.75}) {
                floors.add(MeaningFloor.absolute(floor));
            }
            for (double beside : new double[] {0.55, 0.6, 0.65}) {
                for (int vouching : new int[] {1, 3, 10, 30}) {
                    floors.add(new MeaningFloor(SearchService.MEANING_FLOOR, beside, vouching));
                }
            }
            for (MeaningFloor floor : floors) {
                SearchService search = new SearchService(index, embedder).withMeaningFloor(floor);
                double ndcg = 0;
                double recall = 0;
                for (Map.Entry<String, String> q : data.queries().entrySet()) {
                    List<String> ranked = search.rank(q.getValue(), 100, Ranking.HYBRID);
                    Set<String> rel = data.relevant().get(q.getKey());
                    ndcg += RelevanceMetrics.ndcg(ranked, rel, 10);
                    recall += RelevanceMetrics.recall(ranked, rel, 100);
                }
                int n = data.queries().size();
                System.out.printf(
                        "floor %5.2f beside %5.2f vouching %2d  hybrid nDCG@10 %.4f  R@100 %.4f%n",
                        floor.alone(), floor.beside(), floor.vouching(), ndcg / n, recall / n);
            }
        }
    }

    /** Queries no abstract is about: three to five made-up words of random letters (fixed seed). */
    static List<String> nonsense() {
        Random random = new Random(12);
        List<String> queries = new ArrayList<>(List.of("qwzxv plorkbat flimflam", "asdf qwer zxcv", "blorp snarf"));
        while (queries.size() < NONSENSE_QUERIES) {
            StringBuilder q = new StringBuilder();
            int words = 3 + random.nextInt(3);
            for (int w = 0; w < words; w++) {
                int letters = 4 + random.nextInt(6);
                for (int l = 0; l < letters; l++) {
                    q.append((char) ('a' + random.nextInt(26)));
                }
                q.append(' ');
            }
            queries.add(q.toString().strip());
        }
        return queries;
    }

    static double[] similarities(float[] query, List<float[]> vectors) {
        double[] sims = new double[vectors.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = cosine(query, vectors.get(i));
        }
        return sims;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static void print(String what, List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "%-32s n %4d  min %.3f  p1 %.3f  p5 %.3f  p25 %.3f  median %.3f  p75 %.3f  p95 %.3f  p99 %.3f  max %.3f%n",
                what,
                v.length,
                v[0],
                pct(v, 1),
                pct(v, 5),
                pct(v, 25),
                pct(v, 50),
                pct(v, 75),
                pct(v, 95),
                pct(v, 99),
                v[v.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
    }

    private static List<float[]> vectors(Path cache, Embedder embedder, List<Paper> papers) throws IOException {
        if (Files.exists(cache)) {
            try (InputStream in = Files.newInputStream(cache);
                    DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
                List<float[]> vectors = new ArrayList<>();
                for (int i = 0; i < papers.size(); i++) {
                    float[] v = new float[Embedder.DIMENSION];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = data.readFloat();
                    }
                    vectors.add(v);
                }
                return vectors;
            }
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < papers.size(); i += 64) {
            vectors.addAll(embedder.embedPapers(papers.subList(i, Math.min(papers.size(), i + 64))));
            System.out.printf("embedded %d%n", vectors.size());
        }
        try (OutputStream out = Files.newOutputStream(cache);
                DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out))) {
            for (float[] v : vectors) {
                for (float f : v) {
                    data.writeFloat(f);
                }
            }
        }
        return vectors;
    }
}
