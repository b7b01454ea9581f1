package io.tickcast.stream.internals;

import java.nio.ByteBuffer;

import io.tickcast.bar.Bar;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Fixed-size binary serde of {@link Bar}s, for the bar aggregation's window store. */
public final class BarSerde {

    private static final int BYTES = Long.BYTES * 3 + Double.BYTES * 2;

    private BarSerde() {
    }

    public static Serde<Bar> serde() {
        Serializer<Bar> ser = (t, b) -> b == null ? null : ByteBuffer.allocate(BYTES).putLong(b.closeTs())
                .putDouble(b.close()).putDouble(b.volume()).putLong(b.ticks()).putLong(b.ingestMs()).array();
        Deserializer<Bar> de = (t, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            return new Bar(buf.getLong(), buf.getDouble(), buf.getDouble(), buf.getLong(), buf.getLong());
        };
        return Serdes.serdeFrom(ser, de);
    }
}
