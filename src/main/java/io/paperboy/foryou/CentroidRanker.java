package io.paperboy.foryou;

import java.util.List;

/** Cosine similarity to the mean of the liked papers' embeddings. */
public final class CentroidRanker implements Ranker {
    @Override
    public String name() {
        return "centroid";
    }

    @Override
    public Scorer train(List<float[]> liked, List<float[]> others) {
        float[] centroid = Vectors.centroid(liked);
        return embedding -> Vectors.dot(centroid, Vectors.normalized(embedding));
    }
}
