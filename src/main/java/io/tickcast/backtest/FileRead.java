package io.tickcast.backtest;

import io.tickcast.tick.BadRow;
import java.util.List;

/**
 * What a backtest read of its file, over every symbol, before the per-symbol figures.
 *
 * @param ticks        ticks read, up to and including the first at or after the score-until time
 * @param rowsSkipped  rows that were not valid ticks
 * @param firstSkipped the first of them, or null
 * @param symbols      the first {@value #MAX_SYMBOLS} distinct symbols of the ticks read
 * @param firstTickTs  event time of the first tick read (epoch ms), or null without one
 * @param lastPointTs  event time of the last point forecast (epoch ms), or null without one
 */
public record FileRead(long ticks, long rowsSkipped, BadRow firstSkipped, List<String> symbols, Long firstTickTs,
                       Long lastPointTs) {

    /** The most symbols kept in {@link #symbols()}. */
    public static final int MAX_SYMBOLS = 10;

    public FileRead {
        symbols = List.copyOf(symbols);
    }
}
