package io.tickcast.backtest;

import java.time.Instant;

import io.tickcast.config.Durations;

/**
 * Why a backtest scored no point at all, in a sentence a user can act on: a file with no valid tick, no tick of the
 * symbol asked for, none in the score window, ticks the service's guard rejects (a file written newest-first), or
 * too few points (or a {@code symbols.idle.retention} shorter than the gaps between them). A point is scored
 * against the forecast made at the point before it, so a symbol needs two.
 */
public final class NothingScored {

    private NothingScored() {
    }

    /**
     * @param result  the backtest's outcome
     * @param options what it read and how
     * @return why nothing was scored, naming the file; null if a point was scored
     */
    public static String why(BacktestResult result, BacktestOptions options) {
        if (result.scored() > 0) {
            return null;
        }
        FileRead read = result.read();
        String forecast = "nothing to forecast in " + options.data();
        if (read.ticks() == 0) {
            return forecast + (read.rowsSkipped() == 0 ? ": it holds no tick" : ": all " + read.rowsSkipped()
                    + " rows were skipped as not valid ticks, the first as " + read.firstSkipped());
        }
        if (result.summaries().isEmpty()) {
            if (options.symbol() == null) {
                return forecast + ": no tick before --score-until " + Instant.ofEpochMilli(options.scoreUntilMs())
                        + " (the first is at " + Instant.ofEpochMilli(read.firstTickTs()) + ")";
            }
            return forecast + " for symbol " + options.symbol() + (read.symbols().contains(options.symbol())
                    ? " before --score-until " + Instant.ofEpochMilli(options.scoreUntilMs())
                    : " (its symbols: " + read.symbols() + ")");
        }
        return "nothing scored in " + options.data() + ": " + whyNoPointScored(result, options);
    }

    private static String whyNoPointScored(BacktestResult result, BacktestOptions options) {
        long ticks = 0;
        long points = 0;
        long outOfOrder = 0;
        long duplicates = 0;
        long restarts = 0;
        for (SymbolSummary s : result.summaries()) {
            restarts += s.idleRestarts();
            ticks += s.ticks();
            points += s.points();
            outOfOrder += s.outOfOrderTicks();
            duplicates += s.duplicateTicks();
        }
        Long last = result.read().lastPointTs();
        if (last != null && points > result.summaries().size() && last < options.scoreFromMs()) {
            return "no point at or after --score-from " + Instant.ofEpochMilli(options.scoreFromMs())
                    + " (the last is at " + Instant.ofEpochMilli(last) + ")";
        }
        if (outOfOrder > 0 && outOfOrder >= duplicates) {
            return outOfOrder + " of " + ticks + " ticks were older than the latest before them by more than"
                    + " tick.max.lateness (" + Durations.text(options.maxLateness()) + "): is the file newest-first?";
        }
        if (duplicates > 0) {
            return duplicates + " of " + ticks + " ticks were rejected as duplicates of ticks before them";
        }
        String unit = options.bars() ? "bar" : "point";
        if (restarts > 0) {
            return restarts + " of " + count(points, unit) + " came after a silence longer than symbols.idle.retention ("
                    + Durations.text(options.idleRetention().duration()) + ") and started"
                    + " their symbol over, and a fresh model forecasts nothing to score before its second " + unit;
        }
        return "only " + count(points, unit) + " for " + count(result.summaries().size(), "symbol") + " (from "
                + count(ticks, "tick") + "): a " + unit + " is scored against the forecast made at the one before,"
                + " so a symbol needs two" + (options.bars() ? "; bars still open at the end are not forecast" : "");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
