package io.tickcast.backtest;

import java.util.List;

/**
 * The outcome of a backtest.
 *
 * @param data       the file read
 * @param summaries  per symbol, in order of first appearance
 * @param charts     per symbol, in the same order
 * @param rowsSkipped rows of the file that were not valid ticks
 * @param elapsedMs  wall time of the whole run
 */
public record BacktestResult(String data, List<SymbolSummary> summaries, List<ChartSeries> charts, long rowsSkipped,
                             long elapsedMs) {

    /** @return the summary of {@code symbol} */
    public SymbolSummary summary(String symbol) {
        return summaries.stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no symbol " + symbol + " in the backtest"));
    }
}
