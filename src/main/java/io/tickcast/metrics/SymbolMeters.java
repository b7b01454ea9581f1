package io.tickcast.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickcast.pipeline.DetectorStatus;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.DriftPhase;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;

/** The per-symbol meters: counters of points and predictions, and gauges of the latest figures. */
final class SymbolMeters {

    private final MeterRegistry registry;
    private final String symbol;
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
    /** One per detector and signal, in the order of the quality report's detector list (fixed per pipeline). */
    private DriftMeters[] drift = new DriftMeters[0];
    /** Every meter registered for this symbol, to remove them all when this instance no longer holds it. */
    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    SymbolMeters(MeterRegistry registry, String symbol) {
        this.registry = registry;
        this.symbol = symbol;
        points = track(Counter.builder(MetricNames.POINTS).tag(MetricNames.TAG_SYMBOL, symbol)
                .description("Points processed (ticks, or closed bars)").register(registry));
        predictions = track(Counter.builder(MetricNames.PREDICTIONS).tag(MetricNames.TAG_SYMBOL, symbol)
                .description("Predictions emitted").register(registry));
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
        track(Gauge.builder(name, this, value).tag(MetricNames.TAG_SYMBOL, symbol).description(description)
                .baseUnit(unit).register(registry));
    }

    private <M extends Meter> M track(M meter) {
        registered.add(meter);
        return meter;
    }

    /** Removes this symbol's meters from the registry: its series end, as its task has left this instance. */
    void remove() {
        for (Meter meter : registered) {
            registry.remove(meter);
        }
        registered.clear();
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
            updateDrift(q.detectors());
        }
    }

    private void updateDrift(List<DetectorStatus> detectors) {
        if (drift.length != detectors.size()) {
            drift = new DriftMeters[detectors.size()];
            for (int i = 0; i < drift.length; i++) {
                drift[i] = new DriftMeters(detectors.get(i));
            }
        }
        for (int i = 0; i < drift.length; i++) {
            drift[i].value = detectors.get(i).statistic();
        }
    }

    /** Counts a drift event of this symbol: with the counter kept by its detector's meters once they exist. */
    void driftEvent(DriftEvent event) {
        String signal = event.signal().label();
        for (DriftMeters meters : drift) {
            if (meters.detector.equals(event.detector()) && meters.signal.equals(signal)) {
                meters.events[event.phase().ordinal()].increment();
                return;
            }
        }
        driftEvents(event.detector(), signal, event.phase()).increment();
    }

    private Counter driftEvents(String detector, String signal, DriftPhase phase) {
        return track(Counter.builder(MetricNames.DRIFT_EVENTS).description("Drift detector events")
                .tags(MetricNames.TAG_SYMBOL, symbol, MetricNames.TAG_DETECTOR, detector, MetricNames.TAG_SIGNAL,
                        signal, MetricNames.TAG_PHASE, phase.name())
                .register(registry));
    }

    /**
     * One detector's statistic on one signal; its event counters start at zero when it is first seen, so that
     * {@code rate()} and alerts see them before the first drift.
     */
    private final class DriftMeters {
        private final String detector;
        private final String signal;
        /** Indexed by {@link DriftPhase#ordinal()}. */
        private final Counter[] events = new Counter[DriftPhase.values().length];
        private volatile double value = Double.NaN;

        DriftMeters(DetectorStatus status) {
            detector = status.detector();
            signal = status.signal().label();
            for (DriftPhase phase : DriftPhase.values()) {
                events[phase.ordinal()] = driftEvents(detector, signal, phase);
            }
            track(Gauge.builder(MetricNames.DRIFT_STATISTIC, this, d -> d.value)
                    .tags(MetricNames.TAG_SYMBOL, symbol, MetricNames.TAG_DETECTOR, detector,
                            MetricNames.TAG_SIGNAL, signal)
                    .description("A drift detector's test statistic").register(registry));
        }
    }
}
