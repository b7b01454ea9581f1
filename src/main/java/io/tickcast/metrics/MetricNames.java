package io.tickcast.metrics;

/**
 * Every tickcast meter name, in Micrometer's dotted form; Prometheus shows them with underscores and unit suffixes
 * ({@code tickcast.ticks.received} is scraped as {@code tickcast_ticks_received_total}). Every meter of the
 * process, Kafka's and the JVM's included, carries the {@value #PREFIX} prefix.
 */
public final class MetricNames {

    public static final String PREFIX = "tickcast.";

    public static final String TICKS_RECEIVED = PREFIX + "ticks.received";
    public static final String TICKS_REJECTED = PREFIX + "ticks.rejected";
    public static final String POINTS = PREFIX + "points";
    public static final String PREDICTIONS = PREFIX + "predictions";
    public static final String POINTS_FAILED = PREFIX + "points.failed";
    public static final String BAR_LATE_TICKS = PREFIX + "bar.late.ticks";
    public static final String MODEL_UPDATE = PREFIX + "model.update";
    public static final String LATENCY = PREFIX + "latency";
    public static final String MODEL_VERSION = PREFIX + "model.version";
    public static final String MODEL_LAST_UPDATE = PREFIX + "model.last.update.timestamp";
    public static final String PRICE = PREFIX + "price";
    public static final String PREDICTED_PRICE = PREFIX + "predicted.price";
    public static final String RMSE = PREFIX + "rmse";
    public static final String MAE = PREFIX + "mae";
    public static final String NAIVE_RMSE = PREFIX + "naive.rmse";
    public static final String SKILL = PREFIX + "skill";
    public static final String DIRECTIONAL_ACCURACY = PREFIX + "directional.accuracy";
    public static final String INTERVAL_COVERAGE = PREFIX + "interval.coverage";
    public static final String DRIFT_STATISTIC = PREFIX + "drift.statistic";
    public static final String DRIFT_EVENTS = PREFIX + "drift.events";
    public static final String MODELS_LIVE = PREFIX + "models.live";
    public static final String MODELS_CAP = PREFIX + "models.cap";
    public static final String MODELS_EVICTED = PREFIX + "models.evicted";
    public static final String MODELS_RESTORED = PREFIX + "models.restored";
    public static final String SYMBOLS_EXPIRED = PREFIX + "symbols.expired";
    public static final String SNAPSHOTS_UNREADABLE = PREFIX + "snapshots.unreadable";
    public static final String NATIVE_MEMORY = PREFIX + "native.memory";
    public static final String STREAMS_STATE = PREFIX + "streams.state";
    public static final String STREAM_THREADS_REPLACED = PREFIX + "stream.threads.replaced";

    public static final String TAG_SYMBOL = "symbol";
    public static final String TAG_REASON = "reason";
    public static final String TAG_DETECTOR = "detector";
    public static final String TAG_SIGNAL = "signal";
    public static final String TAG_PHASE = "phase";

    private MetricNames() {
    }
}
