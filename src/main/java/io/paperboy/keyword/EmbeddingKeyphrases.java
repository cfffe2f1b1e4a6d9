package io.paperboy.keyword;

import io.paperboy.paper.Paper;
import io.paperboy.search.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * Key phrases ranked by meaning, as KeyBERT does (Grootendorst, 2020): the paper's strongest
 * statistical candidates ({@value #POOL}) are embedded with the site's sentence model and
 * chosen by Maximal Marginal Relevance (Carbonell and Goldstein, SIGIR 1998): each next phrase
 * maximises {@code λ·sim(phrase, paper) − (1−λ)·max sim(phrase, chosen)}, so the list stays close
 * to the paper without saying the same thing three times. λ = {@value #LAMBDA}: KeyBERT's
 * "diversity 0.3" default, which on real abstracts kept near-duplicates ("language model",
 * "language models for code") apart while the first phrase stayed the most central one. The
 * paper's own vector is the one the embedding worker stored when there is one (same model, same
 * text), so only the candidates go through the model.
 */
final class EmbeddingKeyphrases {
    static final int POOL = 20;
    static final double LAMBDA = 0.7;

    private final Embedder embedder;

    EmbeddingKeyphrases(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * The paper's best {@code limit} phrases; {@code paperVector} is the paper's stored vector from
     * the same model (the embedding worker's), or null to embed the paper here.
     */
    List<String> rank(Paper paper, float[] paperVector, int limit) {
        List<Candidate> pool = Keyphrases.candidates(paper.title(), paper.abstractText()).stream()
                .limit(POOL)
                .toList();
        if (pool.size() <= 1) {
            return pool.stream().map(Candidate::text).toList();
        }
        float[] doc = paperVector != null
                ? paperVector
                : embedder.embedPapers(List.of(paper)).get(0);
        List<float[]> vectors =
                embedder.embedPhrases(pool.stream().map(Candidate::text).toList());
        double[] relevance = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            relevance[i] = cosine(vectors.get(i), doc);
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[pool.size()];
        while (chosen.size() < Math.min(limit, pool.size())) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, cosine(vectors.get(i), vectors.get(j)));
                }
                double score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            taken[best] = true;
            chosen.add(best);
        }
        return chosen.stream().map(i -> pool.get(i).text()).toList();
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
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
