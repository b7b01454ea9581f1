package io.tickcast.stream.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.tickcast.tick.LastTick;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The tick-guard store's value format: ts, price and size in 24 bytes, followed by the tick's id in UTF-8 when it has
 * one. A value of exactly 24 bytes, which is all that stores written before ids were read hold, has no id.
 */
public final class LastTickSerde {

    private static final int FIXED_BYTES = Long.BYTES + 2 * Double.BYTES;
    private static final byte[] NO_ID = new byte[0];

    private LastTickSerde() {
    }

    public static Serde<LastTick> serde() {
        Serializer<LastTick> ser = (topic, v) -> {
            if (v == null) {
                return null;
            }
            byte[] id = v.id() == null ? NO_ID : v.id().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(FIXED_BYTES + id.length)
                    .putLong(v.ts()).putDouble(v.price()).putDouble(v.size()).put(id).array();
        };
        Deserializer<LastTick> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            long ts = buf.getLong();
            double price = buf.getDouble();
            double size = buf.getDouble();
            String id = buf.hasRemaining()
                    ? new String(b, FIXED_BYTES, b.length - FIXED_BYTES, StandardCharsets.UTF_8) : null;
            return new LastTick(ts, price, size, id);
        };
        return Serdes.serdeFrom(ser, de);
    }
}
