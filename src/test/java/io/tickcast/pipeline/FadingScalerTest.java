package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The feature scaler: the mean and standard deviation of the values seen, the older ones weighted down. */
class FadingScalerTest {

    @Test
    void shouldGiveThePlainMeanAndPopulationDeviationWithAFactorOfOne() {
        FadingScaler scaler = new FadingScaler(1.0);
        for (int x = 1; x <= 5; x++) {
            scaler.update(x);
        }

        assertThat(scaler.mean()).isCloseTo(3.0, within(1e-12));
        assertThat(scaler.sd()).isCloseTo(Math.sqrt(2.0), within(1e-12));
        assertThat(scaler.scale(6)).isCloseTo(3 / Math.sqrt(2.0), within(1e-12));
    }

    @Test
    void shouldWeighTheValueKPointsBackByTheFactorToThePowerK() {
        double[] xs = {2, 4, 10};
        FadingScaler scaler = new FadingScaler(0.5);
        for (double x : xs) {
            scaler.update(x);
        }
        double[] w = {0.25, 0.5, 1};
        double weight = w[0] + w[1] + w[2];
        double mean = (w[0] * xs[0] + w[1] * xs[1] + w[2] * xs[2]) / weight;
        double variance = (w[0] * (xs[0] - mean) * (xs[0] - mean) + w[1] * (xs[1] - mean) * (xs[1] - mean)
                + w[2] * (xs[2] - mean) * (xs[2] - mean)) / weight;

        assertThat(scaler.mean()).isCloseTo(mean, within(1e-12));
        assertThat(scaler.sd()).isCloseTo(Math.sqrt(variance), within(1e-12));
    }

    @Test
    void shouldScaleToZeroUntilThereIsASpread() {
        FadingScaler scaler = new FadingScaler(0.9);
        assertThat(scaler.scale(5)).isZero();
        scaler.update(5);
        assertThat(scaler.scale(7)).as("one value: no deviation yet").isZero();
    }
}
