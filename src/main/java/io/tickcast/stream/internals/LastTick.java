package io.tickcast.stream.internals;

import java.nio.ByteBuffer;

import io.tickcast.tick.Tick;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The latest accepted tick of a symbol: what out-of-order and duplicate checks compare against. */
public record LastTick(long ts, double price, double size) {

    private static final int BYTES = Long.BYTES + 2 * Double.BYTES;

    static LastTick of(Tick tick) {
        return new LastTick(tick.ts(), tick.price(), tick.size());
    }

    boolean sameAs(Tick tick) {
        return ts == tick.ts() && Double.compare(price, tick.price()) == 0 && Double.compare(size, tick.size()) == 0;
    }

    /** A fixed 24-byte binary serde. */
    public static Serde<LastTick> serde() {
        Serializer<LastTick> ser = (topic, v) -> v == null ? null
                : ByteBuffer.allocate(BYTES).putLong(v.ts).putDouble(v.price).putDouble(v.size).array();
        Deserializer<LastTick> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new LastTick(buf.getLong(), buf.getDouble(), buf.getDouble());
        };
        return Serdes.serdeFrom(ser, de);
    }
}
