package io.tickcast.stream.internals;

import java.nio.ByteBuffer;

import io.tickcast.tick.LastTick;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The tick-guard store's value format: a fixed 24 bytes (ts, price, size). */
public final class LastTickSerde {

    private static final int BYTES = Long.BYTES + 2 * Double.BYTES;

    private LastTickSerde() {
    }

    public static Serde<LastTick> serde() {
        Serializer<LastTick> ser = (topic, v) -> v == null ? null
                : ByteBuffer.allocate(BYTES).putLong(v.ts()).putDouble(v.price()).putDouble(v.size()).array();
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
