package io.tickcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fast engine learns an AR(2) process (x_t = 1.2 x_{t-1} - 0.5 x_{t-2} + 0.3 e_t; the best possible MSE is
 * 0.09, "next = last" scores about 0.13, predicting the mean about 0.33) from its last three values, online.
 */
class ForecasterLearningTest {

    private static final int POINTS = 4000;
    private static final int SCORED = 1000;

    @Test
    void shouldLearnAnAr2ProcessBetterThanPersistence() {
        double mse = prequentialMse(new ForecasterSpec("fast", 3, 32, 1, 32, 8, 1e-3, 42L));
        assertThat(mse).isLessThan(0.11);
    }

    @Test
    void shouldNotReachThatErrorWithoutLearning() {
        double mse = prequentialMse(new ForecasterSpec("fast", 3, 32, 1, 32, 8, 1e-9, 42L));
        assertThat(mse).isGreaterThan(0.2);
    }

    @Test
    void shouldLearnWithTwoStackedLayersAndFullWindowBackpropagation() {
        double mse = prequentialMse(new ForecasterSpec("fast", 3, 16, 2, 16, 16, 2e-3, 7L));
        assertThat(mse).isLessThan(0.12);
    }

    @Test
    void shouldStillLearnItWithOneAdamStepEveryEightPoints() {
        double mse = prequentialMse(new ForecasterSpec("fast", 3, 32, 1, 32, 8, 1e-3, 42L, 8));
        assertThat(mse).isLessThan(0.11);
    }

    /** @return the mean squared error of the predictions of the last {@link #SCORED} points */
    private static double prequentialMse(ForecasterSpec spec) {
        float[][] xs = SyntheticSeries.features(POINTS, 3, 1L);
        float[] ys = SyntheticSeries.targets(xs);
        double sum = 0;
        try (OnlineForecaster f = Forecasters.create(spec)) {
            float previous = Float.NaN;
            for (int t = 0; t < POINTS; t++) {
                float realised = t == 0 ? Float.NaN : ys[t - 1];
                if (t > POINTS - SCORED) {
                    double e = realised - previous;
                    sum += e * e;
                }
                previous = f.observe(xs[t], realised);
            }
        }
        return sum / (SCORED - 1);
    }
}
