package io.paperboy.foryou;

import java.util.List;

/**
 * Learns what a member likes from the embeddings of papers they upvoted or saved, and scores
 * other papers by it (higher: more alike). {@code others} are papers the member showed no
 * interest in (a sample of the rest), which a discriminative ranker uses as negatives.
 */
public interface Ranker {
    /** How a trained ranker scores one paper's embedding. */
    interface Scorer {
        double score(float[] embedding);
    }

    String name();

    Scorer train(List<float[]> liked, List<float[]> others);
}
