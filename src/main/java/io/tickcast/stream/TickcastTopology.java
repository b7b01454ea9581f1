package io.tickcast.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tickcast.bar.Bar;
import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.stream.internals.AcceptedIdStore;
import io.tickcast.stream.internals.BarClock;
import io.tickcast.stream.internals.BarSerde;
import io.tickcast.stream.internals.ForecastProcessor;
import io.tickcast.stream.internals.ForecastStores;
import io.tickcast.stream.internals.LastTickSerde;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.stream.internals.PointSerde;
import io.tickcast.stream.internals.TickValidator;
import io.tickcast.stream.internals.Validated;
import io.tickcast.tick.TickKey;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds tickcast's topology. It does no I/O: the service and the {@code TopologyTestDriver} tests build it the
 * same way.
 *
 * <pre>
 * ticks ─► validate ─┬─► (rejected) ─► ticks.dlq
 *                    └─► (points, or bars closed with a grace period) ─► forecast ─┬─► predictions
 *                                                                                ├─► drift-metrics
 *                                                                                └─► drift-events
 * </pre>
 */
public final class TickcastTopology {

    /** Per symbol: the latest accepted tick. */
    public static final String TICK_GUARD_STORE = "tick-guard";
    /** Per symbol, event time and trade id: the accepted ticks that carried an id ({@link AcceptedIdStore}). */
    public static final String TRADE_IDS_STORE = "trade-ids";
    /** Per symbol: the latest model checkpoint. Its metadata tells which instance holds a symbol. */
    public static final String CHECKPOINT_STORE = "model-checkpoints";
    /** Per symbol: the points since the latest checkpoint. */
    public static final String JOURNAL_STORE = "model-journal";
    static final String BAR_STORE = "bars";
    /** With bars: each task's stream time, which the bars' aggregate and suppression do not keep ({@link BarClock}). */
    static final String BAR_CLOCK_STORE = "bar-clock";
    /**
     * The changelog of the in-memory window store {@link #BAR_STORE}: a restore reads all of it, and the broker deletes
     * only whole segments, which roll after 7 days unless told otherwise.
     */
    static final Map<String, String> WINDOW_CHANGELOG = Map.of(TopicConfig.SEGMENT_MS_CONFIG,
            Long.toString(Duration.ofMinutes(10).toMillis()));

    private TickcastTopology() {
    }

    /**
     * @param settings  topic names and per-point settings
     * @param pipelines makes each symbol's test-then-train pipeline
     * @param metrics   where the processors count what they see
     * @param directory where the forecast processors leave each symbol's latest outcome, for /models
     */
    public static Topology build(TopologySettings settings, PipelineFactory pipelines, TickcastMetrics metrics,
                                 ModelDirectory directory) {
        StreamsBuilder builder = new StreamsBuilder();
        Topics topics = settings.topics();
        builder.addStateStore(store(TICK_GUARD_STORE, LastTickSerde.serde()));
        builder.addStateStore(AcceptedIdStore.builder(TRADE_IDS_STORE));
        builder.addStateStore(store(CHECKPOINT_STORE, Serdes.ByteArray()));
        builder.addStateStore(store(JOURNAL_STORE, Serdes.ByteArray()));

        KStream<String, Validated> validated = builder.stream(topics.ticks().name(), topics.ticks().consumed("ticks-source"))
                .processValues(() -> new TickValidator(TICK_GUARD_STORE, TRADE_IDS_STORE,
                                settings.maxLateness().toMillis(), settings.maxFuture().toMillis(),
                                settings.symbolsAllowed(), metrics),
                        Named.as("validate"), TICK_GUARD_STORE, TRADE_IDS_STORE);

        validated.filter((symbol, v) -> v instanceof Validated.Rejected, Named.as("rejected"))
                .map((key, v) -> KeyValue.pair(TickKey.bytes(key), ((Validated.Rejected) v).rawValue()),
                        Named.as("original-bytes"))
                .to(topics.deadLetters().name(), topics.deadLetters().produced("dlq-sink"));

        KStream<String, Point> points = validated.flatMapValues(
                v -> v instanceof Validated.Accepted a ? List.of(a.point()) : List.<Point>of(), Named.as("accepted"));
        if (!settings.barInterval().isZero()) {
            builder.addStateStore(BarClock.builder(BAR_CLOCK_STORE));
            points = bars(points.processValues(() -> new BarClock(BAR_CLOCK_STORE, settings.barInterval().toMillis(),
                    settings.barGrace().toMillis(), metrics), Named.as("bar-clock"), BAR_CLOCK_STORE),
                    settings.barInterval(), settings.barGrace());
        }

        ForecastStores stores = new ForecastStores(CHECKPOINT_STORE, JOURNAL_STORE, TICK_GUARD_STORE, TRADE_IDS_STORE);
        KStream<String, PointOutcome> outcomes = points.processValues(
                () -> new ForecastProcessor(stores, pipelines, metrics, directory, settings.checkpointEvery(),
                        settings.maxLiveModels(), settings.idleRetention(), settings.idleSweepAfterMs()),
                Named.as("forecast"), CHECKPOINT_STORE, JOURNAL_STORE, TICK_GUARD_STORE, TRADE_IDS_STORE);

        outcomes.mapValues(PointOutcome::prediction, Named.as("prediction"))
                .to(topics.predictions().name(), topics.predictions().produced("predictions-sink"));
        int reportEvery = settings.reportEvery();
        outcomes.filter((symbol, o) -> o.quality() != null && o.quality().scored() % reportEvery == 0,
                        Named.as("scored"))
                .mapValues(PointOutcome::quality, Named.as("quality"))
                .to(topics.driftMetrics().name(), topics.driftMetrics().produced("drift-metrics-sink"));
        outcomes.flatMapValues(PointOutcome::driftEvents, Named.as("drift"))
                .to(topics.driftEvents().name(), topics.driftEvents().produced("drift-events-sink"));
        return builder.build();
    }

    /**
     * The bars, in an in-memory window store: a persistent one opens a RocksDB instance per segment of event time (a
     * minute here), and closing a bar per tick through a backlog took 20 ms a tick that way (BENCHMARKS.md).
     */
    private static KStream<String, Point> bars(KStream<String, Point> ticks, Duration interval, Duration grace) {
        return ticks.groupByKey(Grouped.with("bar-group", Serdes.String(), PointSerde.serde()))
                .windowedBy(TimeWindows.ofSizeAndGrace(interval, grace))
                .aggregate(Bar::empty, (symbol, point, bar) -> bar.add(point), Named.as("bar-aggregate"),
                        Materialized.<String, Bar>as(Stores.inMemoryWindowStore(BAR_STORE, interval.plus(grace),
                                        interval, false))
                                .withKeySerde(Serdes.String()).withValueSerde(BarSerde.serde())
                                .withLoggingEnabled(WINDOW_CHANGELOG))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("bar-close"))
                .toStream(Named.as("closed-bars"))
                .map((window, bar) -> KeyValue.pair(window.key(), bar.toPoint(window.key(), window.window().end())),
                        Named.as("bar-point"));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled();
    }
}
