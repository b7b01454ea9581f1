package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaHedgeTest {
    private static final int POINTS = 5000;

    /** Realised values {@code signal + noise}; candidates: the signal, zero, the signal with extra noise. */
    private static final class Stream {
        private final Random random = new Random(7L);
        private double signal;

        double[] forecasts() {
            signal = 0.6 * signal + random.nextGaussian();
            return new double[] {0, signal, signal + 2 * random.nextGaussian()};
        }

        double realised() {
            return signal + random.nextGaussian();
        }
    }

    private static double squared(double e) {
        return e * e;
    }

    @Test
    void shouldKeepNonNegativeWeightsThatSumToOne() {
        AdaHedge hedge = new AdaHedge(3);
        Stream stream = new Stream();
        for (int t = 0; t < POINTS; t++) {
            hedge.combine(stream.forecasts());
            double[] w = hedge.weights();

            assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
            assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
            hedge.update(stream.realised());
        }
    }

    @Test
    void shouldFollowTheClearlyBetterCandidateAndStayCloseToItsLoss() {
        AdaHedge hedge = new AdaHedge(3);
        Stream stream = new Stream();
        double[] candidateLoss = new double[3];
        double combinedLoss = 0;
        for (int t = 0; t < POINTS; t++) {
            double[] f = stream.forecasts();
            double combined = hedge.combine(f);
            double y = stream.realised();
            for (int k = 0; k < 3; k++) {
                candidateLoss[k] += squared(y - f[k]);
            }
            combinedLoss += squared(y - combined);
            hedge.update(y);
        }

        assertThat(hedge.weights()[1]).isGreaterThan(0.99);
        assertThat(candidateLoss[1]).isLessThan(0.5 * Math.min(candidateLoss[0], candidateLoss[2]));
        double best = candidateLoss[1];
        assertThat(combinedLoss - best).isLessThan(2 * Math.sqrt(best * Math.log(3)));
    }

    @Test
    void shouldStartUniformAndTakeTheLearningRateFromTheMixabilityGap() {
        AdaHedge hedge = new AdaHedge(2);

        assertThat(hedge.combine(1.0, 3.0)).isEqualTo(2.0);
        hedge.update(1.0);
        // losses (0, 4), Hedge loss 2, mix loss 0 while Δ = 0: Δ = 2, η = ln 2 / 2, weights ∝ (1, 2^-2)
        assertThat(hedge.weights()).containsExactly(new double[] {0.8, 0.2}, within(1e-15));
    }

    @Test
    void shouldIgnoreAnUpdateWithoutAForecastOrWithANonFiniteValue() {
        AdaHedge hedge = new AdaHedge(2);
        hedge.update(5.0);
        hedge.combine(1.0, 3.0);
        hedge.update(Double.NaN);

        assertThat(hedge.weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void shouldRefuseFewerThanTwoCandidatesOrAWrongNumberOfForecasts() {
        assertThatThrownBy(() -> new AdaHedge(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaHedge(3).combine(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldContinueBitExactlyAfterSnapshotAndRestore() throws IOException {
        AdaHedge original = new AdaHedge(3);
        Stream stream = new Stream();
        double[][] forecasts = new double[POINTS][];
        double[] realised = new double[POINTS];
        for (int t = 0; t < POINTS; t++) {
            forecasts[t] = stream.forecasts();
            realised[t] = stream.realised();
        }
        int half = POINTS / 2;
        for (int t = 0; t < half; t++) {
            original.combine(forecasts[t]);
            original.update(realised[t]);
        }
        original.combine(forecasts[half]);
        AdaHedge restored = new AdaHedge(3);
        restored.readState(roundTrip(original));

        for (int t = half; t < POINTS; t++) {
            if (t > half) {
                assertThat(restored.combine(forecasts[t])).isEqualTo(original.combine(forecasts[t]));
            }
            original.update(realised[t]);
            restored.update(realised[t]);
            assertThat(restored.weights()).containsExactly(original.weights());
        }
    }

    @Test
    void shouldRejectASnapshotWithAnotherNumberOfCandidates() throws IOException {
        AdaHedge three = new AdaHedge(3);
        DataInputStream bytes = roundTrip(three);

        assertThatThrownBy(() -> new AdaHedge(4).readState(bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("combination candidates");
    }

    private static DataInputStream roundTrip(AdaHedge hedge) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            hedge.writeState(out);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
