package io.tickcast.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.tick.RejectReason;

/**
 * The meters of the tick path: what the stream processors count, time and gauge. Thread-safe: stream threads
 * record, the scrape reads.
 */
public final class TickcastMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Timer modelUpdate;
    private final Timer latency;
    private final Counter evicted;
    private final Counter restored;
    private final Counter unreadable;
    private final Counter expired;
    private final Counter failed;
    private final Counter barLate;
    private final Map<String, SymbolMeters> symbols = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> liveByTask = new ConcurrentHashMap<>();

    /**
     * @param registry  where the meters go
     * @param modelsCap the configured cap of live models per task, shown as a gauge
     */
    public TickcastMetrics(MeterRegistry registry, int modelsCap) {
        this.registry = registry;
        received = Counter.builder(MetricNames.TICKS_RECEIVED).description("Input records read from the ticks topic")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, Counter.builder(MetricNames.TICKS_REJECTED).tag(MetricNames.TAG_REASON, reason.name())
                    .description("Input records sent to the dead-letter topic, by reason").register(registry));
        }
        modelUpdate = Timer.builder(MetricNames.MODEL_UPDATE)
                .description("Time of one test-then-train step: score, update, predict")
                .publishPercentiles(0.5, 0.99).register(registry);
        latency = Timer.builder(MetricNames.LATENCY)
                .description("Tick-to-prediction latency: from the tick's Kafka timestamp to the prediction's emission;"
                        + " percentiles with histogram_quantile over the buckets")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        evicted = Counter.builder(MetricNames.MODELS_EVICTED)
                .description("Models checkpointed and freed because the live-model cap was reached").register(registry);
        restored = Counter.builder(MetricNames.MODELS_RESTORED)
                .description("Models brought back from their durable state").register(registry);
        expired = Counter.builder(MetricNames.SYMBOLS_EXPIRED)
                .description("Symbols started over, or whose state was deleted, because they had no tick for longer"
                        + " than symbols.idle.retention")
                .register(registry);
        unreadable = Counter.builder(MetricNames.SNAPSHOTS_UNREADABLE)
                .description("Symbols whose durable model state could not be read and that started fresh")
                .register(registry);
        failed = Counter.builder(MetricNames.POINTS_FAILED)
                .description("Points the pipeline failed on (logged with their offset); the model reloads from its store")
                .register(registry);
        barLate = Counter.builder(MetricNames.BAR_LATE_TICKS)
                .description("Ticks dropped because their bar had closed (with bar.interval)").register(registry);
        Gauge.builder(MetricNames.MODELS_LIVE, liveByTask, m -> m.values().stream().mapToLong(AtomicLong::get).sum())
                .description("Models in memory on this instance").register(registry);
        Gauge.builder(MetricNames.MODELS_CAP, () -> modelsCap)
                .description("Cap of models in memory per stream task").register(registry);
    }

    public void tickReceived() {
        received.increment();
    }

    public void tickRejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    /** Records one processed point: its timing and the quality figures of its symbol. */
    public void pointProcessed(PointOutcome outcome, long updateNanos, double latencyMs) {
        modelUpdate.record(updateNanos, TimeUnit.NANOSECONDS);
        latency.record((long) (latencyMs * 1_000_000), TimeUnit.NANOSECONDS);
        SymbolMeters meters = symbols.computeIfAbsent(outcome.prediction().symbol(),
                s -> new SymbolMeters(registry, s));
        meters.update(outcome);
        for (DriftEvent event : outcome.driftEvents()) {
            meters.driftEvent(event);
        }
    }

    /**
     * Ends the series of a symbol this instance no longer holds in memory (its task moved away, or its model was
     * evicted): they would otherwise report its last figures from here forever. They start again with its next point
     * here (counters from zero, which {@code rate()} takes as a reset).
     */
    public void forgetSymbol(String symbol) {
        SymbolMeters meters = symbols.remove(symbol);
        if (meters != null) {
            meters.remove();
        }
    }

    public void modelLoaded(boolean fromStore) {
        if (fromStore) {
            restored.increment();
        }
    }

    public void modelEvicted() {
        evicted.increment();
    }

    public void pointFailed() {
        failed.increment();
    }

    public void barTickLate() {
        barLate.increment();
    }

    public void symbolExpired() {
        expired.increment();
    }

    public void snapshotUnreadable() {
        unreadable.increment();
    }

    public void liveModels(String taskId, int count) {
        liveByTask.computeIfAbsent(taskId, t -> new AtomicLong()).set(count);
    }
}
