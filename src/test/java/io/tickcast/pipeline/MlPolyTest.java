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

class MlPolyTest {
    private static final int POINTS = 20_000;

    /**
     * Realised values {@code y = s + noise} (deviation 0.1) around an AR(1) signal {@code s} (variance 4/3);
     * candidates: optionally zero, then the signal with independent noise of the given deviations added, i.e.
     * unbiased forecasts whose errors are independent.
     */
    private static final class Stream {
        private final Random random = new Random(11L);
        private final int first;
        private final double[] deviations;
        private final double[] forecasts;
        private double signal;

        Stream(boolean withZero, double... deviations) {
            this.first = withZero ? 1 : 0;
            this.deviations = deviations;
            this.forecasts = new double[deviations.length + first];
        }

        double[] forecasts() {
            signal = 0.5 * signal + random.nextGaussian();
            for (int k = 0; k < deviations.length; k++) {
                forecasts[k + first] = signal + deviations[k] * random.nextGaussian();
            }
            return forecasts;
        }

        double realised() {
            return signal + 0.1 * random.nextGaussian();
        }
    }

    /** Figures over the second half of a run. */
    private record Run(double mse, double[] candidateMse, double[] meanWeights) {
    }

    private static Run run(Combination rule, Stream stream) {
        int k = stream.forecasts.length;
        double combinedSum = 0;
        double[] sums = new double[k];
        double[] weights = new double[k];
        for (int t = 0; t < POINTS; t++) {
            double[] f = stream.forecasts();
            double combined = rule.combine(f);
            double y = stream.realised();
            if (t >= POINTS / 2) {
                combinedSum += (combined - y) * (combined - y);
                for (int j = 0; j < k; j++) {
                    sums[j] += (f[j] - y) * (f[j] - y);
                    weights[j] += rule.combinedWeight(j);
                }
            }
            rule.update(y);
        }
        double n = POINTS / 2;
        return new Run(combinedSum / n, Arrays.stream(sums).map(s -> s / n).toArray(),
                Arrays.stream(weights).map(w -> w / n).toArray());
    }

    @Test
    void shouldKeepNonNegativeWeightsThatSumToOne() {
        MlPoly rule = new MlPoly(3);
        Stream stream = new Stream(true, 1, 2);
        for (int t = 0; t < 5000; t++) {
            rule.combine(stream.forecasts());
            double[] w = rule.weights();

            assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
            assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
            rule.update(stream.realised());
        }
    }

    @Test
    void shouldWeighCandidatesEquallyBeforeAnyRegret() {
        assertThat(new MlPoly(4).weights()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void shouldConvergeToTheEvenMixOfTwoUnbiasedCandidatesWithIndependentErrors() {
        Run run = run(new MlPoly(2), new Stream(false, 1, 1));

        assertThat(run.meanWeights()[0]).isCloseTo(0.5, within(0.05));
        // the even mix has half the error variance of either candidate (1.01 each, 0.51 mixed)
        assertThat(run.mse()).isCloseTo(0.51, within(0.03)).isLessThan(0.55 * Math.min(run.candidateMse()[0],
                run.candidateMse()[1]));
    }

    @Test
    void shouldFindTheBestConvexCombinationWhenShrinkingTowardZeroHelps() {
        Run run = run(new MlPoly(3), new Stream(true, 1, 1));

        // best convex combination: (1 − a)·0 + a·(f1 + f2)/2 with a = (4/3)/(4/3 + 1/2) = 0.727, mean squared
        // error (1 − a)²·4/3 + a²/2 + 0.01 = 0.374; the best single candidate's is 1.01
        assertThat(run.meanWeights()[0]).isCloseTo(0.273, within(0.05));
        assertThat(run.meanWeights()[1]).isCloseTo(0.364, within(0.05));
        assertThat(run.meanWeights()[2]).isCloseTo(0.364, within(0.05));
        assertThat(run.mse()).isCloseTo(0.374, within(0.02));
    }

    @Test
    void shouldBeatTheBestSingleCandidateWhereAdaHedgeCannot() {
        Run mlPoly = run(new MlPoly(3), new Stream(true, 1, 1));
        Run adaHedge = run(new AdaHedge(3), new Stream(true, 1, 1));

        assertThat(mlPoly.mse()).isLessThan(0.8 * adaHedge.mse());
    }

    @Test
    void shouldTrackTheDominantCandidateWhenOneIsFarBetter() {
        Run run = run(new MlPoly(4), new Stream(true, 0.1, 1, 2));

        assertThat(run.meanWeights()[1]).isGreaterThan(0.9);
        assertThat(run.mse()).isLessThan(1.1 * run.candidateMse()[1]);
    }

    @Test
    void shouldContinueIdenticallyAfterSnapshotAndRestore() throws IOException {
        MlPoly uninterrupted = new MlPoly(3);
        MlPoly first = new MlPoly(3);
        Stream a = new Stream(true, 1, 2);
        Stream b = new Stream(true, 1, 2);
        for (int t = 0; t < 1000; t++) {
            uninterrupted.combine(a.forecasts());
            first.combine(b.forecasts());
            uninterrupted.update(a.realised());
            first.update(b.realised());
        }
        uninterrupted.combine(a.forecasts());
        first.combine(b.forecasts());
        MlPoly restored = new MlPoly(3);
        restored.readState(new DataInputStream(new ByteArrayInputStream(state(first))));

        for (int t = 0; t < 1000; t++) {
            double y = a.realised();
            b.realised();
            uninterrupted.update(y);
            restored.update(y);
            double[] f = a.forecasts();
            b.forecasts();

            assertThat(restored.combine(f)).isEqualTo(uninterrupted.combine(f));
        }
        assertThat(state(restored)).isEqualTo(state(uninterrupted));
    }

    @Test
    void shouldRefuseTheStateOfAnotherCombinationRule() throws IOException {
        AdaHedge hedge = new AdaHedge(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        hedge.writeState(new DataOutputStream(bytes));

        assertThatThrownBy(() -> new MlPoly(3).readState(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ML-Poly");
    }

    @Test
    void shouldLeaveItsStateUnchangedOnNonFiniteInput() throws IOException {
        MlPoly rule = new MlPoly(3);
        Stream stream = new Stream(true, 1, 2);
        for (int t = 0; t < 100; t++) {
            rule.combine(stream.forecasts());
            rule.update(stream.realised());
        }
        rule.combine(stream.forecasts());
        byte[] before = state(rule);

        rule.update(Double.NaN);
        rule.update(Double.POSITIVE_INFINITY);

        assertThat(state(rule)).isEqualTo(before);
        rule.combine(0, Double.POSITIVE_INFINITY, 1);
        byte[] withInfiniteForecast = state(rule);
        rule.update(0.5);

        assertThat(state(rule)).isEqualTo(withInfiniteForecast);
    }

    @Test
    void shouldRejectFewerThanTwoCandidatesAndMismatchedForecasts() {
        assertThatThrownBy(() -> new MlPoly(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MlPoly(3).combine(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] state(MlPoly rule) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rule.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
