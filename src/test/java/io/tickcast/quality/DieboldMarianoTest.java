package io.tickcast.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

    @Test
    void shouldEqualTheStatisticComputedFromAllTheDifferentialsAtOnce() {
        Random random = new Random(7);
        int n = 1_000;
        double[] a = new double[n];
        double[] b = new double[n];
        DieboldMariano test = new DieboldMariano();
        for (int t = 0; t < n; t++) {
            a[t] = random.nextGaussian() * (1 + t % 5);
            b[t] = random.nextGaussian() * 1.1 + 0.2;
            test.add(a[t], b[t]);
        }

        DieboldMariano.Result result = test.result();

        int lags = DieboldMariano.lag(n);
        assertThat(result.lags()).isEqualTo(lags).isEqualTo(6);
        assertThat(result.statistic()).isCloseTo(statistic(a, b, lags), within(1e-9));
        assertThat(result.points()).isEqualTo(n);
    }

    @Test
    void shouldFindTheForecastWithSmallerErrorsSignificantlyBetter() {
        Random random = new Random(11);
        DieboldMariano test = new DieboldMariano();
        for (int t = 0; t < 2_000; t++) {
            test.add(random.nextGaussian(), 1.3 * random.nextGaussian());
        }

        DieboldMariano.Result result = test.result();

        assertThat(result.statistic()).isLessThan(-5);
        assertThat(result.pValue()).isLessThan(1e-6);
        assertThat(result.meanLossDifference()).isCloseTo(1 - 1.69, within(0.15));
    }

    /**
     * Two equally good forecasts whose errors share persistent components, so that the loss differential is
     * autocorrelated: at the 5% level the test must reject in about 5% of the seeds, not more.
     */
    @Test
    void shouldRejectEquallyGoodForecastsAtAboutTheNominalRate() {
        int seeds = 400;
        int rejected = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Random random = new Random(seed);
            DieboldMariano test = new DieboldMariano();
            double u = 0;
            double v = 0;
            for (int t = 0; t < 2_000; t++) {
                u = 0.6 * u + random.nextGaussian();
                v = 0.6 * v + random.nextGaussian();
                test.add(u + v, u - v);
            }
            rejected += test.result().pValue() < 0.05 ? 1 : 0;
        }

        assertThat(rejected / (double) seeds).isBetween(0.02, 0.09);
    }

    @Test
    void shouldGiveNoStatisticForIdenticalForecastsOrTooFewPoints() {
        DieboldMariano test = new DieboldMariano();
        assertThat(test.result().statistic()).isNaN();
        test.add(1, 1);
        test.add(2, 2);
        test.add(Double.NaN, 3);

        assertThat(test.count()).isEqualTo(2);
        assertThat(test.result().statistic()).isNaN();
        assertThat(test.result().pValue()).isNaN();
    }

    @Test
    void shouldWriteThePValueForAReader() {
        assertThat(new DieboldMariano.Result(10, 1, 1, 0.7, 0.4713).pValueText()).isEqualTo("p 0.47");
        assertThat(new DieboldMariano.Result(10, 1, 1, 2.7, 0.0069).pValueText()).isEqualTo("p 0.007");
        assertThat(new DieboldMariano.Result(10, 1, 1, 4.0, 6e-5).pValueText()).isEqualTo("p < 0.001");
        assertThat(new DieboldMariano.Result(1, 1, 0, Double.NaN, Double.NaN).pValueText()).isEqualTo("p –");
    }

    @Test
    void shouldGiveTheNormalTail() {
        assertThat(DieboldMariano.upperNormalTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(DieboldMariano.upperNormalTail(1.959964)).isCloseTo(0.025, within(1e-7));
        assertThat(DieboldMariano.upperNormalTail(3.090232)).isCloseTo(0.001, within(1e-8));
    }

    /** The DM statistic with the Newey-West variance, from the whole series. */
    private static double statistic(double[] a, double[] b, int lags) {
        int n = a.length;
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = a[t] * a[t] - b[t] * b[t];
            mean += d[t] / n;
        }
        double variance = 0;
        for (int l = 0; l <= lags; l++) {
            double gamma = 0;
            for (int t = l; t < n; t++) {
                gamma += (d[t] - mean) * (d[t - l] - mean) / n;
            }
            variance += (l == 0 ? 1 : 2 * (1 - l / (lags + 1.0))) * gamma;
        }
        return mean / Math.sqrt(variance / n);
    }
}
