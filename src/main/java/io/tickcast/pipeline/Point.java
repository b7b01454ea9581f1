package io.tickcast.pipeline;

/**
 * One price observation ready for forecasting: a single tick, or the close of one time bar.
 *
 * @param symbol   the instrument, e.g. {@code BTC-USD}
 * @param ts       event time of the point, epoch milliseconds
 * @param price    the (last) price, finite and positive
 * @param size     traded size (summed over a bar), {@code NaN} when unknown
 * @param ingestMs wall-clock time at which the (last) tick was published to Kafka, epoch milliseconds;
 *                 the start of the tick-to-prediction latency
 */
public record Point(String symbol, long ts, double price, double size, long ingestMs) {
}
