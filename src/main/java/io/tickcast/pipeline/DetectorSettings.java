package io.tickcast.pipeline;

/**
 * The drift detectors run per symbol, on the residuals (concept drift) and on the input returns (data
 * drift). Defaults are those of the papers' usual settings.
 *
 * @param onResiduals      run the detectors on the residual scores |error| / (price·σ), see {@link DriftSignal}
 * @param onInputs         run the detectors on the scaled log-returns
 * @param pageHinkley      enable the two-sided Page-Hinkley test
 * @param phDelta          Page-Hinkley δ, >= 0
 * @param phLambda         Page-Hinkley λ, > 0
 * @param phAlpha          Page-Hinkley fading factor α, in (0, 1]
 * @param phMinPoints      Page-Hinkley minimum points after a restart, >= 1
 * @param adwin            enable ADWIN
 * @param adwinDelta       ADWIN δ, in (0, 1)
 * @param kswin            enable KSWIN
 * @param kswinAlpha       KSWIN α, in (0, 1)
 * @param kswinWindow      KSWIN window, > 2·kswinStatSize
 * @param kswinStatSize    KSWIN statistic size, >= 2
 * @param cooldown         points without a detection after which a drift is RECOVERED; also the least
 *                         spacing of ONGOING events, >= 1
 * @param seed             seed of KSWIN's sampling
 */
public record DetectorSettings(boolean onResiduals, boolean onInputs,
                               boolean pageHinkley, double phDelta, double phLambda, double phAlpha, int phMinPoints,
                               boolean adwin, double adwinDelta,
                               boolean kswin, double kswinAlpha, int kswinWindow, int kswinStatSize,
                               int cooldown, long seed) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public DetectorSettings {
        Checks.nonNegative("drift.ph.delta", phDelta);
        Checks.positive("drift.ph.lambda", phLambda);
        Checks.halfOpen01("drift.ph.alpha", phAlpha);
        Checks.atLeast("drift.ph.min.points", phMinPoints, 1);
        Checks.open01("drift.adwin.delta", adwinDelta);
        Checks.open01("drift.kswin.alpha", kswinAlpha);
        Checks.atLeast("drift.kswin.stat.size", kswinStatSize, 2);
        Checks.atLeast("drift.kswin.window", kswinWindow, 2L * kswinStatSize + 1);
        Checks.atLeast("drift.cooldown.points", cooldown, 1);
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(true, true, true, 0.005, 50, 0.9999, 30, true, 0.002,
                true, 0.005, 100, 30, 100, 7L);
    }
}
