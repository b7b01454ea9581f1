package io.tickcast.stream.internals;

import java.time.Duration;

import io.tickcast.tick.AcceptedIds;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@link AcceptedIds} in a changelogged window store: the key is the symbol and the id, the window starts at the
 * tick's event time, so a look-up is a point read, and RocksDB drops whole segments once the partition's event time
 * has passed them by the retention. One entry per accepted tick that carries an id.
 */
public final class AcceptedIdStore implements AcceptedIds {

    /** How long past the lateness tolerance ids are kept: room for a symbol whose clock lags the partition's. */
    static final Duration MARGIN = Duration.ofMinutes(10);

    private static final byte[] PRESENT = new byte[0];

    private final WindowStore<String, byte[]> store;

    public AcceptedIdStore(WindowStore<String, byte[]> store) {
        this.store = store;
    }

    /**
     * @param name        the store's name
     * @param maxLateness the guard's lateness tolerance; ids are kept for it plus {@link #MARGIN} of event time
     * @return the store's builder, cached and changelogged
     */
    public static StoreBuilder<WindowStore<String, byte[]>> builder(String name, Duration maxLateness) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(name, maxLateness.plus(MARGIN), Duration.ofMillis(1), false),
                        Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public boolean contains(String symbol, String id, long ts) {
        return store.fetch(key(symbol, id), ts) != null;
    }

    @Override
    public void add(String symbol, String id, long ts) {
        store.put(key(symbol, id), PRESENT, ts);
    }

    /** The symbol's length first, so that no two (symbol, id) pairs share a key. */
    static String key(String symbol, String id) {
        return symbol.length() + ":" + symbol + id;
    }
}
