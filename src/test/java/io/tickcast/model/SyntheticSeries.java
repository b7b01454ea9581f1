package io.tickcast.model;

import java.util.SplittableRandom;

/** Deterministic test series: a noisy AR(2) process and lagged-value features. */
public final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /**
     * A stationary AR(2) process {@code x_t = 1.2 x_{t-1} - 0.5 x_{t-2} + 0.3 e_t}, e standard normal.
     */
    public static float[] ar2(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        double a = 0;
        double b = 0;
        for (int t = 0; t < n; t++) {
            double next = 1.2 * a - 0.5 * b + 0.3 * gaussian(random);
            b = a;
            a = next;
            x[t] = (float) next;
        }
        return x;
    }

    /** Features of point t: the last {@code width} values of an AR(2) series ending at t. */
    public static float[][] features(int n, int width, long seed) {
        float[] series = ar2(n + width, seed);
        float[][] xs = new float[n][width];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < width; j++) {
                xs[t][j] = series[t + width - 1 - j];
            }
        }
        return xs;
    }

    /** The target of point t: the first feature of point t+1 (the next value); 0 for the last point. */
    public static float[] targets(float[][] xs) {
        float[] ys = new float[xs.length];
        for (int t = 0; t + 1 < xs.length; t++) {
            ys[t] = xs[t + 1][0];
        }
        return ys;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
