package io.tickcast.chaos;

/**
 * Identifies one input point, and so the one prediction it must yield: the symbol and the point's event time.
 *
 * @param symbol the instrument
 * @param ts     event time, epoch ms
 */
public record PointKey(String symbol, long ts) {
}
