package io.tickcast.stream.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.tickcast.pipeline.Point;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary serde of points, for the bar aggregation's grouping. */
public final class PointSerde {

    private PointSerde() {
    }

    public static Serde<Point> serde() {
        Serializer<Point> ser = (t, p) -> {
            if (p == null) {
                return null;
            }
            byte[] symbol = p.symbol().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Integer.BYTES + symbol.length + Long.BYTES * 2 + Double.BYTES * 2)
                    .putInt(symbol.length).put(symbol).putLong(p.ts()).putDouble(p.price()).putDouble(p.size())
                    .putLong(p.ingestMs()).array();
        };
        Deserializer<Point> de = (t, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            byte[] symbol = new byte[buf.getInt()];
            buf.get(symbol);
            return new Point(new String(symbol, StandardCharsets.UTF_8), buf.getLong(), buf.getDouble(),
                    buf.getDouble(), buf.getLong());
        };
        return Serdes.serdeFrom(ser, de);
    }
}
