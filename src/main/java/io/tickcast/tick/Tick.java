package io.tickcast.tick;

/**
 * One validated trade or quote of one symbol.
 *
 * @param symbol the instrument, e.g. {@code BTC-USD}; never blank
 * @param ts     event time, epoch milliseconds
 * @param price  finite and strictly positive
 * @param size   traded size, or {@code NaN} when the tick carries none
 */
public record Tick(String symbol, long ts, double price, double size) {
}
