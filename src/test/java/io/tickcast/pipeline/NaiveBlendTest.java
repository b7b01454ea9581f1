package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's weight against the naive forecast: a fading least-squares slope, less its standard errors, in [0, 1]. */
class NaiveBlendTest {

    private static NaiveBlend blend(int minPoints, double confidence) {
        return new NaiveBlend(new BlendSettings(true, 0.999, minPoints, confidence, false, false, Combiner.ADAHEDGE));
    }

    /** Feeds {@code n} model forecasts of which the realised value is {@code slope} times the forecast plus noise. */
    private static void feed(NaiveBlend blend, int n, double slope, double noise, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            double model = random.nextGaussian();
            blend.update(model, Double.NaN, slope * model + noise * random.nextGaussian());
        }
    }

    @Test
    void shouldGiveTheModelNoWeightBeforeTheMinimumNumberOfScoredPoints() {
        NaiveBlend blend = blend(50, 1.0);

        feed(blend, 49, 1.0, 0, 1L);
        assertThat(blend.weights()).isEqualTo(NaiveBlend.Weights.NAIVE);
        feed(blend, 1, 1.0, 0, 2L);

        assertThat(blend.weights().model()).as("a perfect model after 50 points").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldWeighAModelByTheSlopeOfTheRealisedValuesOnItsForecasts() {
        NaiveBlend halfRight = blend(0, 1.0);
        feed(halfRight, 200, 0.5, 0, 3L);
        NaiveBlend overshooting = blend(0, 1.0);
        feed(overshooting, 200, 2.0, 0, 4L);
        NaiveBlend backwards = blend(0, 1.0);
        feed(backwards, 200, -1.0, 0, 5L);

        assertThat(halfRight.weights().model()).isCloseTo(0.5, within(1e-9));
        assertThat(overshooting.weights().model()).as("clipped to 1").isEqualTo(1.0);
        assertThat(backwards.weights().model()).as("clipped to 0").isZero();
    }

    @Test
    void shouldLowerANoisySlopeByTheConfiguredNumberOfStandardErrors() {
        double[] weights = new double[3];
        for (int k = 0; k < 3; k++) {
            NaiveBlend blend = blend(0, k);
            feed(blend, 400, 0.5, 1.0, 6L);
            weights[k] = blend.weights().model();
        }

        // 400 points of unit variance: one standard error of the slope is about 1 / sqrt(400) = 0.05
        assertThat(weights[0]).as("the plain slope").isCloseTo(0.5, within(0.15));
        assertThat(weights[0] - weights[1]).as("one standard error").isBetween(0.03, 0.08);
        assertThat(weights[1] - weights[2]).as("a second one").isCloseTo(weights[0] - weights[1], within(1e-9));
    }
}
