package io.paperboy.foryou;

import java.util.List;

/** The little vector arithmetic the rankers need, on float arrays of one dimension. */
final class Vectors {
    private Vectors() {}

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static float[] normalized(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** The mean of unit-length copies of {@code vectors}, itself made unit length. */
    static float[] centroid(List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            float[] unit = normalized(v);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += unit[i];
            }
        }
        return normalized(sum);
    }
}
