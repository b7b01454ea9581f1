package io.tickcast.pipeline;

/**
 * Prequential quality figures, baselines and prediction intervals.
 *
 * @param fadingFactor      fading factor λ of the fading MAE/RMSE/MAPE, skill, directional accuracy and
 *                          coverage, in (0, 1]
 * @param window            points of the sliding-window figures, >= 1
 * @param intervalLevel     nominal coverage of the prediction interval, in (0, 1), e.g. 0.9
 * @param intervalWindow    most recent residual scores the split-conformal quantile is taken over, >= 1
 * @param intervalMinScores scores needed before intervals are given, in [1, intervalWindow]
 * @param intervalAdaptation adaptation rate γ of the interval's level (adaptive conformal inference), >= 0;
 *                          0 gives the plain split-conformal interval
 * @param ewmaAlpha         weight of the newest price in the EWMA baseline, in (0, 1]
 * @param ar1Forgetting     forgetting factor of the AR(1)-RLS baseline of price changes, in (0, 1]
 */
public record QualitySettings(double fadingFactor, int window, double intervalLevel, int intervalWindow,
                              int intervalMinScores, double intervalAdaptation, double ewmaAlpha,
                              double ar1Forgetting) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public QualitySettings {
        Checks.halfOpen01("quality.fading.factor", fadingFactor);
        Checks.atLeast("quality.window", window, 1);
        Checks.open01("quality.interval.level", intervalLevel);
        Checks.atLeast("quality.interval.window", intervalWindow, 1);
        Checks.atLeast("quality.interval.min.scores", intervalMinScores, 1);
        if (intervalMinScores > intervalWindow) {
            throw new IllegalArgumentException("quality.interval.min.scores must be <= quality.interval.window: "
                    + intervalMinScores + " > " + intervalWindow);
        }
        Checks.nonNegative("quality.interval.adaptation", intervalAdaptation);
        Checks.halfOpen01("quality.baseline.ewma.alpha", ewmaAlpha);
        Checks.halfOpen01("quality.baseline.ar1.forgetting", ar1Forgetting);
    }

    public static QualitySettings defaults() {
        return new QualitySettings(0.998, 500, 0.9, 500, 30, 0.02, 0.5, 0.999);
    }
}
