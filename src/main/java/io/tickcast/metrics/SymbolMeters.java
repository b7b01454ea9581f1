package io.tickcast.metrics;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;

/** The per-symbol meters: counters of points and predictions, and gauges of the latest figures. */
final class SymbolMeters {

    private final Counter points;
    private final Counter predictions;
    private volatile double price = Double.NaN;
    private volatile double predicted = Double.NaN;
    private volatile double version;
    private volatile double lastUpdateSeconds = Double.NaN;
    private volatile double rmse = Double.NaN;
    private volatile double mae = Double.NaN;
    private volatile double naiveRmse = Double.NaN;
    private volatile double skill = Double.NaN;
    private volatile double directional = Double.NaN;
    private volatile double coverage = Double.NaN;

    SymbolMeters(MeterRegistry registry, String symbol) {
        points = Counter.builder(MetricNames.POINTS).tag(MetricNames.TAG_SYMBOL, symbol)
                .description("Points processed (ticks, or closed bars)").register(registry);
        predictions = Counter.builder(MetricNames.PREDICTIONS).tag(MetricNames.TAG_SYMBOL, symbol)
                .description("Predictions emitted").register(registry);
        gauge(registry, symbol, MetricNames.PRICE, "Latest price", null, m -> m.price);
        gauge(registry, symbol, MetricNames.PREDICTED_PRICE, "Latest prediction of the next price", null, m -> m.predicted);
        gauge(registry, symbol, MetricNames.MODEL_VERSION, "Gradient updates of the model so far", null, m -> m.version);
        gauge(registry, symbol, MetricNames.MODEL_LAST_UPDATE, "Wall-clock time of the model's latest update",
                "seconds", m -> m.lastUpdateSeconds);
        gauge(registry, symbol, MetricNames.RMSE, "Fading RMSE of the model's predictions", null, m -> m.rmse);
        gauge(registry, symbol, MetricNames.MAE, "Fading MAE of the model's predictions", null, m -> m.mae);
        gauge(registry, symbol, MetricNames.NAIVE_RMSE, "Fading RMSE of the naive forecast next = last", null,
                m -> m.naiveRmse);
        gauge(registry, symbol, MetricNames.SKILL, "1 - RMSE / naive RMSE: above 0 beats the naive forecast", null,
                m -> m.skill);
        gauge(registry, symbol, MetricNames.DIRECTIONAL_ACCURACY, "Share of correctly predicted price directions",
                null, m -> m.directional);
        gauge(registry, symbol, MetricNames.INTERVAL_COVERAGE, "Share of prices inside their prediction interval",
                null, m -> m.coverage);
    }

    private void gauge(MeterRegistry registry, String symbol, String name, String description, String unit,
                       ToDoubleFunction<SymbolMeters> value) {
        Gauge.builder(name, this, value).tag(MetricNames.TAG_SYMBOL, symbol).description(description).baseUnit(unit)
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    void update(PointOutcome outcome) {
        Prediction p = outcome.prediction();
        points.increment();
        predictions.increment();
        price = p.price();
        predicted = p.predictedPrice();
        version = p.modelVersion();
        lastUpdateSeconds = System.currentTimeMillis() / 1000.0;
        QualityReport q = outcome.quality();
        if (q != null) {
            rmse = q.fading().rmse();
            mae = q.fading().mae();
            naiveRmse = q.naiveFading().rmse();
            skill = q.skill();
            directional = orNaN(q.directionalAccuracy());
            coverage = orNaN(q.intervalCoverage());
        }
    }
}
