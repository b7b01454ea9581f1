package io.tickcast.model.fast;

/**
 * Adam exactly as ND4J's {@code AdamUpdater} computes it: {@code m = b1 m + (1-b1) g},
 * {@code v = b2 v + (1-b2) g^2}, {@code p -= lr sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)}, t counted from 1.
 * Moments are shaped like the parameter arrays. Deterministic: {@code StrictMath} for the powers.
 */
final class Adam {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    final float[][] m;
    final float[][] v;
    long iteration;

    Adam(float[][] shapeOf, double beta1, double beta2, double epsilon) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.m = new float[shapeOf.length][];
        this.v = new float[shapeOf.length][];
        for (int b = 0; b < shapeOf.length; b++) {
            m[b] = new float[shapeOf[b].length];
            v[b] = new float[shapeOf[b].length];
        }
    }

    /** Applies one step of {@code grads} to {@code params} (same shapes). */
    void step(float[][] params, float[][] grads, double learningRate) {
        iteration++;
        double b1t = StrictMath.pow(beta1, iteration);
        double b2t = StrictMath.pow(beta2, iteration);
        float alpha = (float) (learningRate * Math.sqrt(1.0 - b2t) / (1.0 - b1t));
        for (int b = 0; b < params.length; b++) {
            update(params[b], grads[b], m[b], v[b], alpha);
        }
    }

    private void update(float[] p, float[] g, float[] mb, float[] vb, float alpha) {
        float b1 = beta1;
        float b2 = beta2;
        float oneMinusB1 = 1f - b1;
        float oneMinusB2 = 1f - b2;
        float eps = epsilon;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * mb[i] + oneMinusB1 * gi;
            float vi = b2 * vb[i] + oneMinusB2 * gi * gi;
            mb[i] = mi;
            vb[i] = vi;
            p[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /** Forgets the moments and the step count. */
    void reset() {
        for (int b = 0; b < m.length; b++) {
            java.util.Arrays.fill(m[b], 0f);
            java.util.Arrays.fill(v[b], 0f);
        }
        iteration = 0;
    }
}
