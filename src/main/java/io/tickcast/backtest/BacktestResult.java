package io.tickcast.backtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a backtest.
 *
 * @param data       the file read
 * @param summaries  per symbol, in order of first appearance
 * @param charts     per symbol, in the same order: the whole scored range, thinned
 * @param details    per symbol: the last scored points, not thinned
 * @param eventCounts per symbol: drift events in the scored range by "detector/signal/phase"
 * @param markerDetector the detector whose STARTED events the charts mark ({@code any}: all)
 * @param read       what was read of the file: ticks, skipped rows, symbols, times
 * @param elapsedMs  wall time of the whole run
 * @param barInterval the bar length, {@link Duration#ZERO} when every tick was a point
 * @param barGrace   the bars' grace period
 */
public record BacktestResult(String data, List<SymbolSummary> summaries, List<ChartSeries> charts,
                             List<ChartSeries> details, List<Map<String, Long>> eventCounts, String markerDetector,
                             FileRead read, long elapsedMs, Duration barInterval, Duration barGrace) {

    /** @return rows of the file that were not valid ticks */
    public long rowsSkipped() {
        return read.rowsSkipped();
    }

    /** @return points scored over every symbol */
    public long scored() {
        return summaries.stream().mapToLong(SymbolSummary::scored).sum();
    }

    /** @return the summary of {@code symbol} */
    public SymbolSummary summary(String symbol) {
        return summaries.stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no symbol " + symbol + " in the backtest"));
    }
}
