package io.tickcast.tick;

/**
 * One validated trade or quote of one symbol.
 *
 * @param symbol the instrument, e.g. {@code BTC-USD}; never blank
 * @param ts     event time, epoch milliseconds
 * @param price  finite and strictly positive
 * @param size   traded size, or {@code NaN} when the tick carries none
 * @param id     the trade's id at its source (e.g. an exchange's trade id), or null when the tick carries none;
 *               two ticks with the same fields but different ids are different trades
 */
public record Tick(String symbol, long ts, double price, double size, String id) {

    /** The longest id accepted, in characters: it is kept per symbol in the tick guard's store. */
    public static final int MAX_ID_LENGTH = 128;

    /** A tick without an id. */
    public Tick(String symbol, long ts, double price, double size) {
        this(symbol, ts, price, size, null);
    }
}
