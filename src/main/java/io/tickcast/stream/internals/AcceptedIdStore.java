package io.tickcast.stream.internals;

import java.time.Duration;
import java.util.Map;

import io.tickcast.tick.AcceptedIds;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@link AcceptedIds} in a changelogged in-memory window store: the key is the symbol, the tick's event time and its
 * id, the window is the second of that time, so a look-up is a point read, and entries leave once the partition's
 * event time has passed them by the retention. One entry per accepted tick that carries an id.
 *
 * <p>In memory, not RocksDB: a persistent window store opens a RocksDB instance per segment of event time (a minute
 * at the least), and a catch-up replay moves event time by hours a second. The store holds minutes of ids, and a
 * restore reads its changelog, whose segments must roll often for the broker to delete them once past the retention
 * (the topology's {@code WINDOW_CHANGELOG}).
 */
public final class AcceptedIdStore implements AcceptedIds {

    /** How long past the lateness tolerance ids are kept: room for a symbol whose clock lags the partition's. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private static final byte[] PRESENT = new byte[0];

    private final WindowStore<String, byte[]> store;
    private final long retentionMs;
    /** The latest window put, which is how the store keeps time: a window that much older is expired. */
    private long latestPut = Long.MIN_VALUE;

    /**
     * @param store       the store {@link #builder} built
     * @param maxLateness the lateness tolerance the store was built with
     */
    public AcceptedIdStore(WindowStore<String, byte[]> store, Duration maxLateness) {
        this.store = store;
        this.retentionMs = retention(maxLateness).toMillis();
    }

    /**
     * @param name        the store's name
     * @param maxLateness the guard's lateness tolerance; ids are kept for it plus {@link #MARGIN} of event time
     * @param changelog   the changelog topic's configuration
     * @return the store's builder, changelogged, not cached (every key is new)
     */
    public static StoreBuilder<WindowStore<String, byte[]>> builder(String name, Duration maxLateness,
                                                                    Map<String, String> changelog) {
        return Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore(name, retention(maxLateness), Duration.ofSeconds(1), false),
                        Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(changelog)
                .withCachingDisabled();
    }

    private static Duration retention(Duration maxLateness) {
        return maxLateness.plus(MARGIN);
    }

    @Override
    public boolean contains(String symbol, String id, long ts) {
        return store.fetch(key(symbol, id, ts), bucket(ts)) != null;
    }

    /** Remembers the id, unless the store would drop it as expired (which it logs as a warning each time). */
    @Override
    public void add(String symbol, String id, long ts) {
        long window = bucket(ts);
        if (latestPut != Long.MIN_VALUE && latestPut - window >= retentionMs) {
            return;
        }
        latestPut = Math.max(latestPut, window);
        store.put(key(symbol, id, ts), PRESENT, window);
    }

    /**
     * The store's window: the second of {@code ts}. The store keeps a map per window start, so a window per
     * millisecond took 290 bytes of heap per id at 1,000 trades a second; the key holds the exact time.
     */
    static long bucket(long ts) {
        return ts - Math.floorMod(ts, 1_000L);
    }

    /** The symbol's length first, so that no two (symbol, id, ts) share a key. */
    static String key(String symbol, String id, long ts) {
        return symbol.length() + ":" + symbol + ts + ":" + id;
    }
}
