package io.tickcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Checks, for any engine, that {@code resetState} forgets Adam's moments: Adam's first step from zero moments moves
 * every parameter by the learning rate (the bias-corrected m / sqrt(v) is the gradient's sign), while with the
 * moments of earlier steps kept the steps vary.
 */
public final class AdamResetCheck {

    private AdamResetCheck() {
    }

    /**
     * Feeds 20 labelled points of a synthetic series, measures one update's parameter steps, resets, and measures the
     * next update's steps.
     *
     * @param f            a fresh forecaster with {@code inputSize} features
     * @param parameters   reads all of its parameters, flattened in a fixed order
     * @param learningRate its learning rate
     */
    public static void assertResetForgetsTheMoments(OnlineForecaster f, int inputSize, Supplier<float[]> parameters,
                                                    double learningRate) {
        float[][] xs = SyntheticSeries.features(40, inputSize, 19L);
        float[] ys = SyntheticSeries.targets(xs);
        for (int t = 0; t < 20; t++) {
            f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
        }
        double[] withMoments = stepSizes(f, parameters, learningRate, xs[20], ys[19]);
        f.resetState();

        double[] afterReset = stepSizes(f, parameters, learningRate, xs[21], ys[20]);

        assertThat(quantile(withMoments, 0.1)).as("steps with the moments of 20 updates").isLessThan(0.5);
        assertThat(quantile(afterReset, 0.5)).as("steps after a reset, in learning rates").isBetween(0.98, 1.02);
        assertThat(quantile(afterReset, 0.1)).as("the smallest gradients step less (Adam's epsilon)")
                .isGreaterThan(0.9);
        assertThat(quantile(afterReset, 0.9)).isLessThan(1.02);
    }

    /** @return each parameter's change over one labelled point, in learning rates */
    private static double[] stepSizes(OnlineForecaster f, Supplier<float[]> parameters, double learningRate,
                                      float[] features, float target) {
        float[] before = parameters.get();
        f.observe(features, target);
        float[] after = parameters.get();
        double[] steps = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            steps[i] = Math.abs(after[i] - before[i]) / learningRate;
        }
        return steps;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (q * (sorted.length - 1))];
    }
}
