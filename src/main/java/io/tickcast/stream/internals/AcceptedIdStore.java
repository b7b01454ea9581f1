package io.tickcast.stream.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tickcast.tick.AcceptedIds;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * {@link AcceptedIds} in a changelogged in-memory key-value store, sorted per symbol as {@link io.tickcast.tick.RecentIds}
 * keeps them for the backtest: the key is the symbol, the tick's event time and its id, sorted by time within the
 * symbol, so that forgetting a symbol's ids before a time (which {@link io.tickcast.tick.TickGuard} does when an id
 * moves the symbol's latest tick on) is one range scan. So a symbol's ids last as long as its own clock needs them,
 * whatever the other symbols of its partition do: a window store would keep time by the partition's latest tick, and
 * drop on arrival the ids of a symbol catching up behind the others.
 *
 * <p>In memory, not RocksDB: the store holds seconds of ids, written and deleted at the rate trades arrive. Its
 * changelog is compacted, with segments that roll every 10 minutes and deletions kept a minute after the broker's
 * cleaner has passed them, so that a restore reads the ids still wanted plus the changes the cleaner has not reached
 * yet. A restoring reader that misses a deletion the cleaner dropped keeps an id the store no longer has; it is
 * older than its symbol's tolerance, so no look-up reaches it, and the symbol's next id deletes it.
 *
 * <p>A symbol whose ticks stop keeps its last ids (those within the tolerance of its last tick), which is as it
 * should be: a feed may replay them when it comes back. With {@code symbols.idle.retention} the forecast processor
 * deletes them with the rest of the symbol's state ({@link #forget}).
 */
public final class AcceptedIdStore implements AcceptedIds {

    /** The changelog's topic configuration; Kafka Streams makes a key-value store's changelog compacted. */
    static final Map<String, String> CHANGELOG = Map.of(
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()),
            TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(Duration.ofMinutes(1).toMillis()));

    private static final byte[] PRESENT = new byte[0];

    private final KeyValueStore<Bytes, byte[]> store;
    private final List<Bytes> expired = new ArrayList<>();

    /** @param store the store {@link #builder} built */
    public AcceptedIdStore(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /**
     * @param name the store's name
     * @return the store's builder, changelogged ({@link #CHANGELOG}), not cached (every key is new)
     */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(CHANGELOG)
                .withCachingDisabled();
    }

    @Override
    public boolean contains(String symbol, String id, long ts) {
        return store.get(key(symbol, id, ts)) != null;
    }

    @Override
    public void add(String symbol, String id, long ts) {
        store.put(key(symbol, id, ts), PRESENT);
    }

    @Override
    public void forgetBefore(String symbol, long ts) {
        // Both ends are inclusive: the upper one (the symbol and ts, no id) sorts before every key at ts.
        try (KeyValueIterator<Bytes, byte[]> it = store.range(bound(symbol, Long.MIN_VALUE), bound(symbol, ts))) {
            while (it.hasNext()) {
                expired.add(it.next().key);
            }
        }
        for (Bytes key : expired) {
            store.delete(key);
        }
        expired.clear();
    }

    /** The symbol (its length first, so that no symbol's keys start with another's), the time, the id. */
    static Bytes key(String symbol, String id, long ts) {
        byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(prefix(s, ts, i.length).put(i).array());
    }

    private static Bytes bound(String symbol, long ts) {
        return Bytes.wrap(prefix(symbol.getBytes(StandardCharsets.UTF_8), ts, 0).array());
    }

    /** The time with its sign bit flipped, big-endian, so that keys sort by time as unsigned bytes. */
    private static ByteBuffer prefix(byte[] symbol, long ts, int room) {
        return ByteBuffer.allocate(Integer.BYTES + symbol.length + Long.BYTES + room)
                .putInt(symbol.length).put(symbol).putLong(ts ^ Long.MIN_VALUE);
    }
}
