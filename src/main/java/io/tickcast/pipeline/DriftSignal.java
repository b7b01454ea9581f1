package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** The stream a drift detector watches. */
public enum DriftSignal {
    /**
     * Residual scores |actual − predicted| / (price · σ), σ the slow fading deviation of the log-returns (the
     * scaler's, memory about 1,000 points), clipped to the feature clip: concept drift, and volatility changes
     * the model did not foresee. Both signals are fed from the 51st return on.
     */
    RESIDUAL("residual"),
    /** Scaled log-returns of the input: data drift. */
    INPUT("input");

    private final String label;

    DriftSignal(String label) {
        this.label = label;
    }

    /** @return the lower-case name used in messages and metric tags */
    @JsonValue
    public String label() {
        return label;
    }
}
