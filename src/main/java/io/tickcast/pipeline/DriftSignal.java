package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** The stream a drift detector watches. */
public enum DriftSignal {
    /** Residual scores |actual − predicted| / (price·volatility): concept drift. */
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
