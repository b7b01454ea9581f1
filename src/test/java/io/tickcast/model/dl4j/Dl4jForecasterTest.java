package io.tickcast.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.SyntheticSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Dl4jForecasterTest {

    private static final ForecasterSpec SMALL = new ForecasterSpec("dl4j", 3, 8, 1, 8, 4, 1e-3, 7L);

    /**
     * Adam's first step from zero moments moves every parameter by the learning rate (bias-corrected m / sqrt(v) is
     * the gradient's sign); with the moments of earlier steps kept, the steps vary.
     */
    @Test
    void shouldForgetTheAdamMomentsOnResetAndTakeAFirstStepOfTheLearningRate() {
        float[][] xs = SyntheticSeries.features(40, 3, 19L);
        float[] ys = SyntheticSeries.targets(xs);
        try (Dl4jForecaster f = Dl4jForecaster.create(SMALL)) {
            for (int t = 0; t < 20; t++) {
                f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
            }
            double[] withMoments = stepSizes(f, xs[20], ys[19]);
            f.resetState();

            double[] afterReset = stepSizes(f, xs[21], ys[20]);

            assertThat(quantile(withMoments, 0.1)).as("steps with the moments of 20 updates").isLessThan(0.5);
            assertThat(quantile(afterReset, 0.5)).as("steps after a reset, in learning rates").isBetween(0.98, 1.02);
            assertThat(quantile(afterReset, 0.1)).as("the smallest gradients step less (Adam's epsilon)")
                    .isGreaterThan(0.9);
            assertThat(quantile(afterReset, 0.9)).isLessThan(1.02);
            assertThat(f.updates()).isEqualTo(21);
        }
    }

    /** @return each parameter's change over one labelled point, in learning rates */
    private static double[] stepSizes(Dl4jForecaster f, float[] features, float target) {
        float[] before = f.network().params().toFloatVector();
        f.observe(features, target);
        float[] after = f.network().params().toFloatVector();
        double[] steps = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            steps[i] = Math.abs(after[i] - before[i]) / SMALL.learningRate();
        }
        return steps;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (q * (sorted.length - 1))];
    }
}
