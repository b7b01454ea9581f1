package io.tickcast.pipeline;

import java.util.List;

/**
 * What one point produced.
 *
 * @param prediction  the forecast of the next point, made after learning from this one; never null
 * @param quality     the figures after scoring the previous forecast against this point; {@code null} when
 *                    nothing was scored yet (the symbol's first point)
 * @param driftEvents drift lifecycle events at this point, often empty
 */
public record PointOutcome(Prediction prediction, QualityReport quality, List<DriftEvent> driftEvents) {

    public PointOutcome {
        driftEvents = List.copyOf(driftEvents);
    }
}
