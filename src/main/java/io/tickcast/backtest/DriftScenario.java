package io.tickcast.backtest;

import java.util.List;
import java.util.Random;

/**
 * Synthetic streams with known change points for the drift harness, in standardised units (the detectors
 * of the pipeline watch standardised signals). Every stream has {@link #LENGTH} values; the drifting ones
 * change at {@link #CHANGE_POINTS}.
 */
public enum DriftScenario {
    /** i.i.d. N(0, 1) throughout: every detection is a false alarm. */
    NO_DRIFT,
    /** Abrupt mean shifts: N(0, 1), N(1, 1), N(0, 1), N(1, 1). */
    MEAN_SHIFT,
    /** Abrupt variance shifts: σ = 1, 3, 1, 3. */
    VARIANCE_SHIFT,
    /** Gradual: a continuous, piecewise-linear mean whose slope breaks from 0 to +1/2000, −1/2000, 0 per point. */
    TREND_BREAK,
    /** Regime switches between calm N(0, 1) and stressed AR(1) noise (φ = 0.5, σ = 2, mean 0.5). */
    REGIME_SWITCH;

    /** Values per stream. */
    public static final int LENGTH = 20_000;
    /** Where the drifting streams change. */
    public static final List<Integer> CHANGE_POINTS = List.of(5_000, 10_000, 15_000);

    /** @return the change points of this scenario (none for {@link #NO_DRIFT}) */
    public List<Integer> changePoints() {
        return this == NO_DRIFT ? List.of() : CHANGE_POINTS;
    }

    /** @return the stream for {@code seed} */
    public double[] generate(long seed) {
        Random random = new Random(seed * 1_000_003L + ordinal());
        double[] x = new double[LENGTH];
        double ar = 0;
        for (int t = 0; t < LENGTH; t++) {
            int segment = segment(t);
            double noise = random.nextGaussian();
            x[t] = switch (this) {
                case NO_DRIFT -> noise;
                case MEAN_SHIFT -> (segment % 2) + noise;
                case VARIANCE_SHIFT -> (segment % 2 == 1 ? 3 : 1) * noise;
                case TREND_BREAK -> trendMean(t) + noise;
                case REGIME_SWITCH -> {
                    ar = segment % 2 == 1 ? 0.5 * ar + 2 * Math.sqrt(0.75) * noise : 0;
                    yield segment % 2 == 1 ? 0.5 + ar : noise;
                }
            };
        }
        return x;
    }

    private static int segment(int t) {
        int segment = 0;
        for (int cp : CHANGE_POINTS) {
            if (t >= cp) {
                segment++;
            }
        }
        return segment;
    }

    private static double trendMean(int t) {
        double slope = 1.0 / 2000;
        int c1 = CHANGE_POINTS.get(0);
        int c2 = CHANGE_POINTS.get(1);
        int c3 = CHANGE_POINTS.get(2);
        if (t < c1) {
            return 0;
        }
        if (t < c2) {
            return slope * (t - c1);
        }
        if (t < c3) {
            return slope * (c2 - c1) - slope * (t - c2);
        }
        return 0;
    }
}
