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

    /** The longest symbol accepted, in characters: it keys the symbol's state and labels its metrics. */
    public static final int MAX_SYMBOL_LENGTH = 64;

    /**
     * @param symbol a non-blank symbol
     * @return why the symbol cannot name a symbol's state, or null if it can: too long, or a control character
     *         (the stores separate a symbol from the rest of a key with one)
     */
    public static String symbolProblem(String symbol) {
        if (symbol.length() > MAX_SYMBOL_LENGTH) {
            return "symbol is longer than " + MAX_SYMBOL_LENGTH + " characters (" + symbol.length() + ")";
        }
        for (int i = 0; i < symbol.length(); i++) {
            if (Character.isISOControl(symbol.charAt(i))) {
                return String.format("symbol holds the control character U+%04X at index %d", (int) symbol.charAt(i), i);
            }
        }
        return null;
    }

    /** A tick without an id. */
    public Tick(String symbol, long ts, double price, double size) {
        this(symbol, ts, price, size, null);
    }
}
