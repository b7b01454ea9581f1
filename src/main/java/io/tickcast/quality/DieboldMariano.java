package io.tickcast.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The Diebold-Mariano test of equal predictive accuracy of two forecasts (Diebold and Mariano, "Comparing
 * Predictive Accuracy", Journal of Business and Economic Statistics 13(3), 1995), accumulated point by point on the
 * squared-error loss differential {@code d = e_a² − e_b²}: the statistic is {@code mean(d) / √(V/n)}, with the
 * long-run variance {@code V} estimated by Newey and West's Bartlett-weighted autocovariances (Econometrica 55(3),
 * 1987) up to the lag their 1994 rule gives for {@code n} points, {@code ⌊4 (n/100)^(2/9)⌋}, at most
 * {@link #MAX_LAG}: squared errors of price forecasts cluster in time, so {@code d} is not independent from point to
 * point. The p-value is two-sided, from the normal distribution (the test's large-sample law).
 *
 * <p>A negative statistic means forecast {@code a} had the smaller squared errors. Not thread-safe.
 */
public final class DieboldMariano {

    /** The largest autocovariance lag kept (the rule reaches it at about 3.2 million points). */
    public static final int MAX_LAG = 40;

    /** The first {@link #MAX_LAG} differentials, and a ring of the latest {@link #MAX_LAG}. */
    private final double[] head = new double[MAX_LAG];
    private final double[] ring = new double[MAX_LAG];
    /** {@code cross[l-1] = Σ_t d_t·d_(t−l)}. */
    private final double[] cross = new double[MAX_LAG];
    private long n;
    private double sum;
    private double squares;

    /** Adds one point: the errors of forecasts {@code a} and {@code b}; a non-finite error is skipped. */
    public void add(double errorA, double errorB) {
        double d = errorA * errorA - errorB * errorB;
        if (!Double.isFinite(d)) {
            return;
        }
        for (int l = 1; l <= MAX_LAG && l <= n; l++) {
            cross[l - 1] += d * ring[(int) ((n - l) % MAX_LAG)];
        }
        if (n < MAX_LAG) {
            head[(int) n] = d;
        }
        ring[(int) (n % MAX_LAG)] = d;
        n++;
        sum += d;
        squares += d * d;
    }

    /** @return the points added */
    public long count() {
        return n;
    }

    /** @return the lag of the long-run variance for {@code points} points */
    public static int lag(long points) {
        return (int) Math.min(MAX_LAG, Math.floor(4 * Math.pow(points / 100.0, 2.0 / 9.0)));
    }

    /** @return the result so far; statistic and p-value are {@code NaN} under 2 points or with a zero variance */
    public Result result() {
        if (n < 2) {
            return new Result(n, n == 0 ? Double.NaN : sum / n, 0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        int lags = (int) Math.min(lag(n), n - 1);
        double variance = squares / n - mean * mean;
        for (int l = 1; l <= lags; l++) {
            double centred = cross[l - 1] - mean * (2 * sum - firstSum(l) - lastSum(l)) + (n - l) * mean * mean;
            double autocovariance = centred / n;
            variance += 2 * (1 - l / (lags + 1.0)) * autocovariance;
        }
        if (!(variance > 0)) {
            return new Result(n, mean, lags, Double.NaN, Double.NaN);
        }
        double statistic = mean / Math.sqrt(variance / n);
        return new Result(n, mean, lags, statistic, 2 * upperNormalTail(Math.abs(statistic)));
    }

    /** Σ of the first {@code l} differentials. */
    private double firstSum(int l) {
        double s = 0;
        for (int i = 0; i < l; i++) {
            s += head[i];
        }
        return s;
    }

    /** Σ of the last {@code l} differentials. */
    private double lastSum(int l) {
        double s = 0;
        for (int i = 1; i <= l; i++) {
            s += ring[(int) ((n - i) % MAX_LAG)];
        }
        return s;
    }

    /**
     * {@code P(Z > z)} for a standard normal {@code Z}, {@code z ≥ 0}: {@code erfc(z/√2)/2} by the Chebyshev fit of
     * Numerical Recipes (2nd ed., §6.2), fractional error under 1.2e-7.
     */
    static double upperNormalTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return erfc / 2;
    }

    /**
     * @param points    points compared
     * @param meanLossDifference mean of {@code e_a² − e_b²}, in the price's unit squared
     * @param lags      autocovariance lags in the long-run variance
     * @param statistic the DM statistic (negative: {@code a} more accurate)
     * @param pValue    two-sided p-value of equal accuracy
     */
    public record Result(@JsonProperty("points") long points,
                         @JsonProperty("mean_loss_difference") double meanLossDifference,
                         @JsonProperty("lags") int lags,
                         @JsonProperty("statistic") double statistic,
                         @JsonProperty("p_value") double pValue) {

        /** @return the p-value as a reader wants it: {@code p 0.47}, {@code p < 0.001}, or {@code p –} without one */
        public String pValueText() {
            if (!Double.isFinite(pValue)) {
                return "p –";
            }
            if (pValue < 0.001) {
                return "p < 0.001";
            }
            return String.format(Locale.ROOT, pValue < 0.01 ? "p %.3f" : "p %.2f", pValue);
        }
    }
}
