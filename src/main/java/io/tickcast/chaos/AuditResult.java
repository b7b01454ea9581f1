package io.tickcast.chaos;

import java.util.List;

/**
 * What the committed predictions say, against the inputs and the uninterrupted run.
 *
 * @param inputs          points the uninterrupted run forecast (a published tick, or a closed bar); each must yield
 *                        exactly one prediction
 * @param predictionsRead predictions read from the topic ({@code read_committed})
 * @param lost            points without a prediction
 * @param duplicated      predictions beyond the first for one point
 * @param unexpected      predictions for no point of the uninterrupted run
 * @param bitExact        points whose predictions equal the reference bit for bit
 * @param withinTolerance points whose predictions are within a relative 1e-6 but not bit-exact
 * @param mismatched      points whose predictions differ from the reference by more
 * @param examples        a few of the problems found, for the report
 */
public record AuditResult(long inputs, long predictionsRead, long lost, long duplicated, long unexpected,
                          long bitExact, long withinTolerance, long mismatched, List<String> examples) {

    public AuditResult {
        examples = List.copyOf(examples);
    }

    /** @return true when nothing was lost, duplicated, unexpected or mismatched */
    public boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0 && mismatched == 0;
    }
}
