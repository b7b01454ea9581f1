package io.tickcast.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class QualityFiguresTest {

    @Test
    void shouldEqualThePlainMeansWithAFadingFactorOfOne() {
        PrequentialError error = new PrequentialError(1.0, 2);
        error.add(10, 8);
        error.add(10, 11);
        error.add(20, 17);

        assertThat(error.fading().mae()).isCloseTo(2.0, within(1e-12));
        assertThat(error.fading().rmse()).isCloseTo(Math.sqrt(14.0 / 3), within(1e-12));
        assertThat(error.fading().mape()).isCloseTo((20 + 10 + 15) / 3.0, within(1e-12));
        assertThat(error.window().mae()).isCloseTo(2.0, within(1e-12));
        assertThat(error.window().rmse()).isCloseTo(Math.sqrt(5.0), within(1e-12));
    }

    @Test
    void shouldReadExactlyZeroOverAWindowOfZeroErrorsAfterABusyStretch() {
        Random random = new Random(1);
        PrequentialError naive = new PrequentialError(0.998, 500);
        for (int i = 0; i < 2137; i++) {
            naive.add(100_000 + 50 * random.nextGaussian(), 100_000);
        }
        for (int i = 0; i < 500; i++) {
            naive.add(100_000, 100_000);
        }

        assertThat(naive.window().rmse()).as("a price that stood still for the whole window").isEqualTo(0.0);
        assertThat(naive.window().mae()).isEqualTo(0.0);
        assertThat(naive.window().mape()).isEqualTo(0.0);
    }

    @Test
    void shouldKeepTheWindowMeanWithinRoundingOfThePlainMeanOverManyLaps() {
        Random random = new Random(3);
        SlidingWindowMean window = new SlidingWindowMean(500);
        double[] last = new double[500];
        for (int i = 0; i < 200_000; i++) {
            // regimes 10,000 times apart in size, as squared errors of a calm and a wild market
            double x = Math.pow(random.nextGaussian() * ((i / 7_000) % 2 == 0 ? 1 : 100), 2);
            window.add(x);
            last[i % 500] = x;
        }
        double plain = 0;
        for (double x : last) {
            plain += x;
        }

        assertThat(window.mean()).isCloseTo(plain / 500, within(1e-12 * plain / 500));
    }

    @Test
    void shouldLeaveAZeroActualOutOfThePercentageError() {
        PrequentialError error = new PrequentialError(1.0, 10);
        error.add(10, 8);
        error.add(0, 1);

        assertThat(error.fading().mape()).isCloseTo(20.0, within(1e-12));
        assertThat(error.window().mape()).isCloseTo(20.0, within(1e-12));
        assertThat(error.window().mae()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void shouldWeighRecentErrorsMoreWithAFadingFactor() {
        FadingMean mean = new FadingMean(0.5);
        mean.add(0);
        mean.add(3);

        assertThat(mean.mean()).isCloseTo(3 / 1.5, within(1e-12));
    }

    @Test
    void shouldTakeTheConformalRankOfTheScoresInTheWindow() {
        ConformalQuantile q = new ConformalQuantile(0.9, 10, 5);
        for (int i = 1; i <= 4; i++) {
            q.add(i);
        }
        assertThat(q.quantile()).isNaN();
        for (int i = 5; i <= 10; i++) {
            q.add(i);
        }
        assertThat(q.quantile()).isEqualTo(10);
        for (int i = 11; i <= 20; i++) {
            q.add(30 - i);
        }
        assertThat(q.quantile()).isEqualTo(19);
        q.add(0.5);
        assertThat(q.quantile()).isEqualTo(18);
    }

    @Test
    void shouldCoverTheNominalShareOfExchangeableScores() {
        ConformalQuantile q = new ConformalQuantile(0.9, 500, 30);
        Random random = new Random(9L);
        int covered = 0;
        int tested = 0;
        for (int i = 0; i < 20_000; i++) {
            double score = Math.abs(random.nextGaussian());
            double bound = q.quantile();
            if (!Double.isNaN(bound)) {
                tested++;
                covered += score <= bound ? 1 : 0;
            }
            q.add(score);
        }
        assertThat((double) covered / tested).isBetween(0.89, 0.91);
    }

    private static double coverageUnderRegimeSwitches(double adaptation) {
        Random random = new Random(11L);
        return coverage(new ConformalQuantile(0.9, 500, 30, adaptation), 40_000,
                i -> Math.abs(random.nextGaussian()) * ((i / 700) % 2 == 0 ? 1 : 2.5));
    }

    /** Feeds {@code n} scores in order, each first tested against the current quantile, as the pipeline does. */
    private static double coverage(ConformalQuantile q, int n, IntToDoubleFunction scoreAt) {
        int covered = 0;
        int tested = 0;
        for (int i = 0; i < n; i++) {
            double score = scoreAt.applyAsDouble(i);
            double bound = q.quantile();
            if (!Double.isNaN(bound)) {
                tested++;
                covered += score <= bound ? 1 : 0;
                q.covered(score <= bound);
            }
            q.add(score);
        }
        return (double) covered / tested;
    }

    @Test
    void shouldKeepTheLongRunCoverageNominalWithAdaptiveConformalInference() {
        double plain = coverageUnderRegimeSwitches(0);
        double adaptive = coverageUnderRegimeSwitches(0.005);

        assertThat(adaptive).isCloseTo(0.9, within(0.005));
        assertThat(Math.abs(adaptive - 0.9)).isLessThan(Math.abs(plain - 0.9));
    }

    @Test
    void shouldGiveAnUnboundedQuantileWhenTheLevelAsksForMoreThanTheScoresCanGive() {
        ConformalQuantile q = new ConformalQuantile(0.99, 500, 30);
        for (int i = 1; i <= 30; i++) {
            q.add(i);
        }
        assertThat(q.quantile()).isEqualTo(Double.POSITIVE_INFINITY);
        for (int i = 31; i <= 99; i++) {
            q.add(i);
        }
        assertThat(q.quantile()).isEqualTo(99);
    }

    @Test
    void shouldKeepTheLongRunCoverageEvenWhenEveryScoreExceedsAllEarlierOnes() {
        // Steadily rising scores: the largest score never covers the next one, so only an unbounded interval at a
        // level above n/(n+1) keeps the adaptive guarantee (a quantile clamped to the largest score covers nothing).
        double coverage = coverage(new ConformalQuantile(0.9, 500, 30, 0.005), 20_000, i -> i + 1);

        assertThat(coverage).isCloseTo(0.9, within(0.01));
    }

    @Test
    void shouldRecoverTheCoefficientOfAutocorrelatedChanges() {
        Ar1RlsForecast ar1 = new Ar1RlsForecast(0.999);
        Random random = new Random(10L);
        double price = 100;
        double change = 0;
        for (int i = 0; i < 20_000; i++) {
            change = -0.4 * change + random.nextGaussian();
            price += change;
            ar1.observe(price);
        }
        assertThat(ar1.coefficient()).isCloseTo(-0.4, within(0.08));
        assertThat(ar1.forecast()).isCloseTo(price - 0.4 * change, within(0.1 * Math.abs(change) + 1e-9));
    }

    @Test
    void shouldNotExtrapolateAnExplosiveCoefficientFromItsFirstChanges() {
        // The start of a recorded Binance session: with no history, the least squares take the second change over
        // the first (1.58 / 0.03, about 53) as phi; the stationary range caps the forecast's coefficient at 1.
        Ar1RlsForecast ar1 = new Ar1RlsForecast(0.999);
        for (double price : new double[] {61837.63, 61837.63, 61837.60, 61836.02}) {
            ar1.observe(price);
        }

        assertThat(ar1.coefficient()).isEqualTo(1);
        assertThat(ar1.forecast()).isEqualTo(61836.02 - 1.58, within(1e-9));
    }

    @Test
    void shouldForecastTheExponentiallyWeightedLevel() {
        EwmaForecast ewma = new EwmaForecast(0.5);
        ewma.observe(10);
        ewma.observe(20);

        assertThat(ewma.forecast()).isEqualTo(15);
    }
}
