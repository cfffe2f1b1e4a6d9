package io.paperboy.foryou;

import java.util.List;

/**
 * A per-member linear classifier over embeddings, liked against the others, as arxiv-sanity
 * trains a linear SVM per user over tf-idf vectors: L2-regularised logistic regression by full
 * batch gradient descent, the two classes weighted equally (a member likes few papers). The
 * score is the decision value w·x + b.
 */
public final class LinearRanker implements Ranker {
    private final double l2;
    private final int iterations;
    private final double learningRate;

    public LinearRanker() {
        this(0.01, 300, 0.5);
    }

    public LinearRanker(double l2, int iterations, double learningRate) {
        this.l2 = l2;
        this.iterations = iterations;
        this.learningRate = learningRate;
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Scorer train(List<float[]> liked, List<float[]> others) {
        int dim = liked.getFirst().length;
        float[][] xs = new float[liked.size() + others.size()][];
        double[] ys = new double[xs.length];
        double[] weights = new double[xs.length];
        for (int i = 0; i < liked.size(); i++) {
            xs[i] = Vectors.normalized(liked.get(i));
            ys[i] = 1;
            weights[i] = 0.5 / liked.size();
        }
        for (int i = 0; i < others.size(); i++) {
            xs[liked.size() + i] = Vectors.normalized(others.get(i));
            weights[liked.size() + i] = others.isEmpty() ? 0 : 0.5 / others.size();
        }
        double[] w = new double[dim];
        double b = 0;
        double[] gradient = new double[dim];
        for (int step = 0; step < iterations; step++) {
            java.util.Arrays.fill(gradient, 0);
            double gradientB = 0;
            for (int i = 0; i < xs.length; i++) {
                double error = (sigmoid(decision(w, b, xs[i])) - ys[i]) * weights[i];
                for (int d = 0; d < dim; d++) {
                    gradient[d] += error * xs[i][d];
                }
                gradientB += error;
            }
            for (int d = 0; d < dim; d++) {
                w[d] -= learningRate * (gradient[d] + l2 * w[d]);
            }
            b -= learningRate * gradientB;
        }
        double[] trained = w;
        double bias = b;
        return embedding -> decision(trained, bias, Vectors.normalized(embedding));
    }

    private static double decision(double[] w, double b, float[] x) {
        double sum = b;
        for (int d = 0; d < w.length; d++) {
            sum += w[d] * x[d];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
