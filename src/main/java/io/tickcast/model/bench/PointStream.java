package io.tickcast.model.bench;

import java.util.SplittableRandom;

/**
 * A deterministic, pre-generated stream of feature vectors and targets (lags of a noisy AR(2) series), cycled,
 * so that feeding points allocates nothing.
 */
final class PointStream {

    private static final int LENGTH = 8192;
    private final float[][] features;
    private final float[] targets;

    PointStream(int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] series = new float[LENGTH + width];
        double a = 0;
        double b = 0;
        for (int t = 0; t < series.length; t++) {
            double e = random.nextDouble() - 0.5;
            double next = 1.2 * a - 0.5 * b + e;
            b = a;
            a = next;
            series[t] = (float) next;
        }
        features = new float[LENGTH][width];
        targets = new float[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            for (int j = 0; j < width; j++) {
                features[t][j] = series[t + width - 1 - j];
            }
            targets[t] = series[t + width];
        }
    }

    float[] features(long t) {
        return features[(int) (t % LENGTH)];
    }

    /** @return the target of point t-1, NaN for t = 0 */
    float previousTarget(long t) {
        return t == 0 ? Float.NaN : targets[(int) ((t - 1) % LENGTH)];
    }
}
