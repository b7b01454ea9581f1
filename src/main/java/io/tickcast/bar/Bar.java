package io.tickcast.bar;

import io.tickcast.pipeline.Point;

/**
 * A time bar being built from a symbol's ticks: its close is the price of the tick with the latest event time (the
 * last one added among ties), its volume the summed sizes. Immutable; the one piece of bar arithmetic that the
 * service's Kafka Streams aggregation and {@code tickcast backtest} share.
 *
 * @param closeTs  event time of the closing tick, or {@code Long.MIN_VALUE} for an empty bar
 * @param close    price of the closing tick
 * @param volume   summed size of ticks that carried one
 * @param ticks    number of ticks
 * @param ingestMs latest Kafka timestamp of its ticks
 */
public record Bar(long closeTs, double close, double volume, long ticks, long ingestMs) {

    /** @return a bar without ticks, the start of every aggregation */
    public static Bar empty() {
        return new Bar(Long.MIN_VALUE, Double.NaN, 0, 0, Long.MIN_VALUE);
    }

    /** @return this bar with {@code p} added; a point without a size adds no volume */
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
}
