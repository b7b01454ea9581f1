package io.tickcast.stream.internals;

import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.Point;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Drops, before the bars' windowed aggregate, a point whose bar has closed, by the task's stream time (the largest
 * event time seen) kept in a changelogged store. The aggregate and {@code suppress} keep their stream time in plain
 * fields that start from nothing in a new task: after a restart or a task move, a late tick for a bar that was
 * closed and forecast before would open it again, and it would be forecast twice. Passing only the points the
 * aggregate would take anyway, with the stream time it had, keeps every bar as an uninterrupted run makes it.
 */
public final class BarClock implements FixedKeyProcessor<String, Point, Point> {

    private static final String KEY = "stream-time";
    /** Stream time before any point, as Kafka Streams starts it (event times are not negative). */
    private static final long NONE = -1;

    private final String storeName;
    private final long intervalMs;
    private final long graceMs;
    private final TickcastMetrics metrics;
    private FixedKeyProcessorContext<String, Point> context;
    private KeyValueStore<String, Long> store;
    private long streamTime;

    /**
     * @param storeName  the store {@link #builder} built
     * @param intervalMs the bar length
     * @param graceMs    how long after its end a bar still takes ticks
     * @param metrics    counts the dropped ticks
     */
    public BarClock(String storeName, long intervalMs, long graceMs, TickcastMetrics metrics) {
        this.storeName = storeName;
        this.intervalMs = intervalMs;
        this.graceMs = graceMs;
        this.metrics = metrics;
    }

    /** @return the builder of the stream-time store: in memory, changelogged, cached (one key per task) */
    public static StoreBuilder<KeyValueStore<String, Long>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Point> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        Long stored = store.get(KEY);
        this.streamTime = stored == null ? NONE : stored;
    }

    @Override
    public void process(FixedKeyRecord<String, Point> record) {
        long ts = record.value().ts();
        // Kafka Streams' tumbling window of ts, and its rule: a window has closed once its end is at or before
        // stream time minus the grace.
        long windowEnd = Math.max(0, ts) / intervalMs * intervalMs + intervalMs;
        if (windowEnd <= streamTime - graceMs) {
            metrics.barTickLate();
            return;
        }
        if (ts > streamTime) {
            streamTime = ts;
            store.put(KEY, ts);
        }
        context.forward(record);
    }
}
