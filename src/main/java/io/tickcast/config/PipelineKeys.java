package io.tickcast.config;

import java.util.Arrays;
import java.util.Locale;

import io.tickcast.pipeline.BlendSettings;
import io.tickcast.pipeline.Combiner;
import io.tickcast.pipeline.DetectorSettings;
import io.tickcast.pipeline.DriftResponse;
import io.tickcast.pipeline.DriftTrigger;
import io.tickcast.pipeline.FeatureSettings;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.pipeline.QualitySettings;
import io.tickcast.pipeline.ResponseSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys of the per-symbol pipeline's features, quality figures, blending, drift detectors and drift response.
 * Their defaults are the settings records' own defaults; their ranges are checked by those records, whose messages
 * name the key, when {@link TickcastConfig} builds the settings at start.
 */
public final class PipelineKeys {

    public static final String FEATURES_SCALER_FADING = "features.scaler.fading";
    public static final String FEATURES_VOLATILITY_ALPHA = "features.volatility.alpha";
    public static final String FEATURES_EWMA_SHORT_ALPHA = "features.ewma.short.alpha";
    public static final String FEATURES_EWMA_LONG_ALPHA = "features.ewma.long.alpha";
    public static final String FEATURES_CLIP = "features.clip";
    public static final String QUALITY_FADING_FACTOR = "quality.fading.factor";
    public static final String QUALITY_WINDOW = "quality.window";
    public static final String QUALITY_INTERVAL_LEVEL = "quality.interval.level";
    public static final String QUALITY_INTERVAL_WINDOW = "quality.interval.window";
    public static final String QUALITY_INTERVAL_MIN_SCORES = "quality.interval.min.scores";
    public static final String QUALITY_INTERVAL_ADAPTATION = "quality.interval.adaptation";
    public static final String QUALITY_EWMA_ALPHA = "quality.baseline.ewma.alpha";
    public static final String QUALITY_AR1_FORGETTING = "quality.baseline.ar1.forgetting";
    public static final String BLEND_ENABLED = "blend.enabled";
    public static final String BLEND_FADING_FACTOR = "blend.fading.factor";
    public static final String BLEND_MIN_POINTS = "blend.min.points";
    public static final String BLEND_CONFIDENCE = "blend.confidence";
    public static final String BLEND_STACK_AR1 = "blend.stack.ar1";
    public static final String BLEND_COMBINE = "blend.combine";
    public static final String BLEND_COMBINER = "blend.combiner";
    public static final String DRIFT_RESIDUALS = "drift.residuals.enabled";
    public static final String DRIFT_INPUTS = "drift.inputs.enabled";
    public static final String DRIFT_PH = "drift.ph.enabled";
    public static final String DRIFT_PH_DELTA = "drift.ph.delta";
    public static final String DRIFT_PH_LAMBDA = "drift.ph.lambda";
    public static final String DRIFT_PH_ALPHA = "drift.ph.alpha";
    public static final String DRIFT_PH_MIN_POINTS = "drift.ph.min.points";
    public static final String DRIFT_ADWIN = "drift.adwin.enabled";
    public static final String DRIFT_ADWIN_DELTA = "drift.adwin.delta";
    public static final String DRIFT_KSWIN = "drift.kswin.enabled";
    public static final String DRIFT_KSWIN_ALPHA = "drift.kswin.alpha";
    public static final String DRIFT_KSWIN_WINDOW = "drift.kswin.window";
    public static final String DRIFT_KSWIN_STAT_SIZE = "drift.kswin.stat.size";
    public static final String DRIFT_COOLDOWN = "drift.cooldown.points";
    public static final String DRIFT_SEED = "drift.seed";
    public static final String RESPONSE = "drift.response";
    public static final String RESPONSE_TRIGGER = "drift.response.trigger";
    public static final String RESPONSE_DETECTOR = "drift.response.detector";
    public static final String RESPONSE_BOOST_FACTOR = "drift.response.boost.factor";
    public static final String RESPONSE_BOOST_POINTS = "drift.response.boost.points";
    public static final String RESPONSE_ROLLBACK_INTERVAL = "drift.response.rollback.interval";
    public static final String RESPONSE_CHALLENGER_WINDOW = "drift.response.challenger.window";

    private PipelineKeys() {
    }

    static ConfigDef define(ConfigDef def) {
        FeatureSettings f = FeatureSettings.defaults();
        QualitySettings q = QualitySettings.defaults();
        BlendSettings b = BlendSettings.defaults();
        DetectorSettings d = DetectorSettings.defaults();
        ResponseSettings r = ResponseSettings.defaults();
        return def
                .define(FEATURES_SCALER_FADING, Type.DOUBLE, f.scalerFading(), Importance.LOW,
                        "Fading factor of the online scaler of returns and time gaps, in (0,1).")
                .define(FEATURES_VOLATILITY_ALPHA, Type.DOUBLE, f.volatilityAlpha(), Importance.LOW,
                        "Weight of the newest squared return in the EWMA volatility, in (0,1].")
                .define(FEATURES_EWMA_SHORT_ALPHA, Type.DOUBLE, f.shortEwmaAlpha(), Importance.LOW,
                        "Weight of the short EWMA of the scaled return (a feature), in (0,1].")
                .define(FEATURES_EWMA_LONG_ALPHA, Type.DOUBLE, f.longEwmaAlpha(), Importance.LOW,
                        "Weight of the long EWMA of the scaled return (a feature), in (0,1].")
                .define(FEATURES_CLIP, Type.DOUBLE, f.clip(), Importance.LOW,
                        "Features, target and residual signal are clipped to plus or minus this.")
                .define(QUALITY_FADING_FACTOR, Type.DOUBLE, q.fadingFactor(), Importance.MEDIUM,
                        "Fading factor of the fading MAE, RMSE, MAPE, skill and accuracy figures, in (0,1].")
                .define(QUALITY_WINDOW, Type.INT, q.window(), Importance.MEDIUM,
                        "Points of the sliding-window figures.")
                .define(QUALITY_INTERVAL_LEVEL, Type.DOUBLE, q.intervalLevel(), Importance.MEDIUM,
                        "Nominal coverage of the prediction interval, in (0,1).")
                .define(QUALITY_INTERVAL_WINDOW, Type.INT, q.intervalWindow(), Importance.LOW,
                        "Residual scores the conformal quantile is taken over.")
                .define(QUALITY_INTERVAL_MIN_SCORES, Type.INT, q.intervalMinScores(), Importance.LOW,
                        "Scores before intervals are given (1..quality.interval.window).")
                .define(QUALITY_INTERVAL_ADAPTATION, Type.DOUBLE, q.intervalAdaptation(), Importance.LOW,
                        "Adaptation rate of the interval's level (adaptive conformal); 0 is plain split-conformal.")
                .define(QUALITY_EWMA_ALPHA, Type.DOUBLE, q.ewmaAlpha(), Importance.LOW,
                        "Weight of the newest price in the EWMA baseline forecast, in (0,1].")
                .define(QUALITY_AR1_FORGETTING, Type.DOUBLE, q.ar1Forgetting(), Importance.LOW,
                        "Forgetting factor of the AR(1) baseline fitted by recursive least squares, in (0,1].")
                .define(BLEND_ENABLED, Type.BOOLEAN, b.enabled(), Importance.MEDIUM,
                        "Blend the model's forecast toward the naive one by recent skill (false: the raw model).")
                .define(BLEND_FADING_FACTOR, Type.DOUBLE, b.fadingFactor(), Importance.LOW,
                        "Fading factor of the blend's least squares, in (0,1].")
                .define(BLEND_MIN_POINTS, Type.INT, b.minPoints(), Importance.LOW,
                        "Scored points before the model gets any weight.")
                .define(BLEND_CONFIDENCE, Type.DOUBLE, b.confidence(), Importance.LOW,
                        "Standard errors taken off the blend slope: the model must earn its weight.")
                .define(BLEND_STACK_AR1, Type.BOOLEAN, b.stackAr1(), Importance.LOW,
                        "Weigh in the AR(1) baseline forecast as a second regressor of the blend.")
                .define(BLEND_COMBINE, Type.BOOLEAN, b.combine(), Importance.MEDIUM,
                        "Emit the average of the naive, AR(1), raw model and blended forecasts weighed by the rule"
                                + " blend.combiner names (a regret bound, nothing tuned); see docs/QUALITY.md.")
                .define(BLEND_COMBINER, Type.STRING, name(b.combiner()),
                        ConfigDef.ValidString.in(names(Combiner.values())), Importance.LOW,
                        "The combination rule of blend.combine: adahedge (regret bound against the best single"
                                + " candidate) or mlpoly (ML-Poly on the linearised squared loss: regret bound"
                                + " against the best convex combination of the candidates); neither has a number to"
                                + " tune. See docs/QUALITY.md.")
                .define(DRIFT_RESIDUALS, Type.BOOLEAN, d.onResiduals(), Importance.MEDIUM,
                        "Run the drift detectors on the residuals (concept drift).")
                .define(DRIFT_INPUTS, Type.BOOLEAN, d.onInputs(), Importance.MEDIUM,
                        "Run the drift detectors on the input returns (data drift).")
                .define(DRIFT_PH, Type.BOOLEAN, d.pageHinkley(), Importance.LOW, "Page-Hinkley detector on.")
                .define(DRIFT_PH_DELTA, Type.DOUBLE, d.phDelta(), Importance.LOW, "Page-Hinkley delta (>= 0).")
                .define(DRIFT_PH_LAMBDA, Type.DOUBLE, d.phLambda(), Importance.LOW, "Page-Hinkley lambda (> 0).")
                .define(DRIFT_PH_ALPHA, Type.DOUBLE, d.phAlpha(), Importance.LOW,
                        "Page-Hinkley fading factor alpha, in (0,1].")
                .define(DRIFT_PH_MIN_POINTS, Type.INT, d.phMinPoints(), Importance.LOW,
                        "Values before Page-Hinkley may declare a change.")
                .define(DRIFT_ADWIN, Type.BOOLEAN, d.adwin(), Importance.LOW, "ADWIN detector on.")
                .define(DRIFT_ADWIN_DELTA, Type.DOUBLE, d.adwinDelta(), Importance.LOW, "ADWIN delta, in (0,1).")
                .define(DRIFT_KSWIN, Type.BOOLEAN, d.kswin(), Importance.LOW, "KSWIN detector on.")
                .define(DRIFT_KSWIN_ALPHA, Type.DOUBLE, d.kswinAlpha(), Importance.LOW, "KSWIN alpha, in (0,1).")
                .define(DRIFT_KSWIN_WINDOW, Type.INT, d.kswinWindow(), Importance.LOW,
                        "KSWIN window (more than twice drift.kswin.stat.size).")
                .define(DRIFT_KSWIN_STAT_SIZE, Type.INT, d.kswinStatSize(), Importance.LOW, "KSWIN statistic size.")
                .define(DRIFT_COOLDOWN, Type.INT, d.cooldown(), Importance.LOW,
                        "Quiet points before a drift is RECOVERED; least spacing of its ONGOING events.")
                .define(DRIFT_SEED, Type.LONG, d.seed(), Importance.LOW, "Seed of KSWIN's sampling.")
                .define(RESPONSE, Type.STRING, name(r.kind()), ConfigDef.ValidString.in(names(DriftResponse.values())),
                        Importance.MEDIUM, "What a drift does to the model: none, boost_learning_rate, reset_state,"
                                + " rollback (to the last healthy snapshot) or challenger (trained beside, promoted"
                                + " when better). The default follows the drift harness: see docs/DRIFT.md.")
                .define(RESPONSE_TRIGGER, Type.STRING, name(r.trigger()),
                        ConfigDef.ValidString.in(names(DriftTrigger.values())), Importance.LOW,
                        "Which signal's drift events trigger the response.")
                .define(RESPONSE_DETECTOR, Type.STRING, r.detector(),
                        ConfigDef.ValidString.in("adwin", "page_hinkley", "kswin", "any"), Importance.LOW,
                        "Which detector's drift events trigger the response.")
                .define(RESPONSE_BOOST_FACTOR, Type.DOUBLE, r.boostFactor(), Importance.LOW,
                        "Learning-rate multiplier of boost_learning_rate.")
                .define(RESPONSE_BOOST_POINTS, Type.INT, r.boostPoints(), Importance.LOW, "Points a boost lasts.")
                .define(RESPONSE_ROLLBACK_INTERVAL, Type.INT, r.rollbackInterval(), Importance.LOW,
                        "Points between the healthy snapshots rollback returns to.")
                .define(RESPONSE_CHALLENGER_WINDOW, Type.INT, r.challengerWindow(), Importance.LOW,
                        "Scored points of a challenger's trial.");
    }

    /** @throws IllegalArgumentException naming the key, from the settings records' checks */
    static PipelineSettings settings(TickcastConfig c, PipelineSettings base) {
        return base
                .withFeatures(new FeatureSettings(c.getDouble(FEATURES_SCALER_FADING), c.getDouble(FEATURES_VOLATILITY_ALPHA),
                        c.getDouble(FEATURES_EWMA_SHORT_ALPHA), c.getDouble(FEATURES_EWMA_LONG_ALPHA),
                        c.getDouble(FEATURES_CLIP)))
                .withQuality(new QualitySettings(c.getDouble(QUALITY_FADING_FACTOR), c.getInt(QUALITY_WINDOW),
                        c.getDouble(QUALITY_INTERVAL_LEVEL), c.getInt(QUALITY_INTERVAL_WINDOW),
                        c.getInt(QUALITY_INTERVAL_MIN_SCORES), c.getDouble(QUALITY_INTERVAL_ADAPTATION),
                        c.getDouble(QUALITY_EWMA_ALPHA), c.getDouble(QUALITY_AR1_FORGETTING)))
                .withBlend(new BlendSettings(c.getBoolean(BLEND_ENABLED), c.getDouble(BLEND_FADING_FACTOR),
                        c.getInt(BLEND_MIN_POINTS), c.getDouble(BLEND_CONFIDENCE), c.getBoolean(BLEND_STACK_AR1),
                        c.getBoolean(BLEND_COMBINE), Combiner.valueOf(upper(c.getString(BLEND_COMBINER)))))
                .withDetectors(new DetectorSettings(c.getBoolean(DRIFT_RESIDUALS), c.getBoolean(DRIFT_INPUTS),
                        c.getBoolean(DRIFT_PH), c.getDouble(DRIFT_PH_DELTA), c.getDouble(DRIFT_PH_LAMBDA),
                        c.getDouble(DRIFT_PH_ALPHA), c.getInt(DRIFT_PH_MIN_POINTS), c.getBoolean(DRIFT_ADWIN),
                        c.getDouble(DRIFT_ADWIN_DELTA), c.getBoolean(DRIFT_KSWIN), c.getDouble(DRIFT_KSWIN_ALPHA),
                        c.getInt(DRIFT_KSWIN_WINDOW), c.getInt(DRIFT_KSWIN_STAT_SIZE), c.getInt(DRIFT_COOLDOWN),
                        c.getLong(DRIFT_SEED)))
                .withResponse(new ResponseSettings(DriftResponse.valueOf(upper(c.getString(RESPONSE))),
                        DriftTrigger.valueOf(upper(c.getString(RESPONSE_TRIGGER))), c.getString(RESPONSE_DETECTOR),
                        c.getDouble(RESPONSE_BOOST_FACTOR), c.getInt(RESPONSE_BOOST_POINTS),
                        c.getInt(RESPONSE_ROLLBACK_INTERVAL), c.getInt(RESPONSE_CHALLENGER_WINDOW)));
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(PipelineKeys::name).toArray(String[]::new);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
