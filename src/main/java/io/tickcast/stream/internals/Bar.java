package io.tickcast.stream.internals;

import java.nio.ByteBuffer;

import io.tickcast.pipeline.Point;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A time bar being built from a symbol's ticks: its close is the price of the tick with the latest event time.
 *
 * @param closeTs  event time of the closing tick, or {@code Long.MIN_VALUE} for an empty bar
 * @param close    price of the closing tick
 * @param volume   summed size of ticks that carried one
 * @param ticks    number of ticks
 * @param ingestMs latest Kafka timestamp of its ticks
 */
public record Bar(long closeTs, double close, double volume, long ticks, long ingestMs) {

    private static final int BYTES = Long.BYTES * 3 + Double.BYTES * 2;

    public static Bar empty() {
        return new Bar(Long.MIN_VALUE, Double.NaN, 0, 0, Long.MIN_VALUE);
    }

    public Bar add(Point p) {
        boolean closes = p.ts() >= closeTs;
        double size = Double.isNaN(p.size()) ? 0 : p.size();
        return new Bar(closes ? p.ts() : closeTs, closes ? p.price() : close, volume + size, ticks + 1,
                Math.max(ingestMs, p.ingestMs()));
    }

    /** @return the bar as a point stamped with the bar's end */
    public Point toPoint(String symbol, long barEnd) {
        return new Point(symbol, barEnd, close, volume, ingestMs);
    }

    public static Serde<Bar> serde() {
        Serializer<Bar> ser = (t, b) -> b == null ? null : ByteBuffer.allocate(BYTES).putLong(b.closeTs)
                .putDouble(b.close).putDouble(b.volume).putLong(b.ticks).putLong(b.ingestMs).array();
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
