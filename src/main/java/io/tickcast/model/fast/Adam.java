package io.tickcast.model.fast;

import java.util.Arrays;

/**
 * Adam exactly as ND4J's {@code AdamUpdater} computes it: {@code m = b1 m + (1-b1) g},
 * {@code v = b2 v + (1-b2) g^2}, {@code p -= lr sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)}, t counted from 1.
 * Moments live in the parameters' flat layout. Deterministic: {@code StrictMath} for the powers.
 */
final class Adam {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    final float[] m;
    final float[] v;
    long iteration;

    Adam(int size, double beta1, double beta2, double epsilon) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.m = new float[size];
        this.v = new float[size];
    }

    /** Applies one step of {@code grad} to {@code params}. */
    void step(float[] params, float[] grad, double learningRate) {
        iteration++;
        double b1t = StrictMath.pow(beta1, iteration);
        double b2t = StrictMath.pow(beta2, iteration);
        float alpha = (float) (learningRate * Math.sqrt(1.0 - b2t) / (1.0 - b1t));
        float b1 = beta1;
        float b2 = beta2;
        float oneMinusB1 = 1f - b1;
        float oneMinusB2 = 1f - b2;
        float eps = epsilon;
        for (int i = 0; i < params.length; i++) {
            float g = grad[i];
            float mi = b1 * m[i] + oneMinusB1 * g;
            float vi = b2 * v[i] + oneMinusB2 * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /** Forgets the moments and the step count. */
    void reset() {
        Arrays.fill(m, 0f);
        Arrays.fill(v, 0f);
        iteration = 0;
    }
}
