package io.tickcast.cli;

import java.io.PrintStream;
import java.util.Map;

import io.tickcast.tick.replay.PublishResult;

/** The table the demo ends with. */
record DemoSummary(PredictionTally tally, PublishResult published, long rowsSkipped, long rejected, double seconds) {

    void print(PrintStream out) {
        out.printf("%nReplayed %,d ticks in %.1f s (%,d unreadable rows skipped, %,d ticks rejected to the dead-letter"
                + " topic); %,d predictions read back.%n%n", published.acknowledged(), seconds, rowsSkipped, rejected,
                tally.total());
        out.printf("%-10s %10s %12s %12s %12s %9s %10s %12s%n", "symbol", "points", "predictions", "model RMSE",
                "naive RMSE", "skill", "versions", "updates/s");
        for (Map.Entry<String, PredictionTally.SymbolTally> e : tally.symbols().entrySet()) {
            PredictionTally.SymbolTally s = e.getValue();
            double span = (s.lastArrivalMs - s.firstArrivalMs) / 1000.0;
            out.printf("%-10s %,10d %,12d %12.3f %12.3f %8.3f%% %,10d %,12.0f%n", e.getKey(), s.scored + 1,
                    s.predictions, s.rmse(), s.naiveRmse(), 100 * s.skill(), s.lastVersion,
                    span > 0 ? s.predictions / span : Double.NaN);
        }
        out.println("\nRMSE is over every scored point (the prediction made at point t against the price at t+1);"
                + " skill = 1 - RMSE/naive RMSE.");
    }
}
