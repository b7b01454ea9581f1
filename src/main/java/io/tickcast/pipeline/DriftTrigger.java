package io.tickcast.pipeline;

/** Which drift events set off the drift response. */
public enum DriftTrigger {
    /** Drift of the residuals only (concept drift: the model got worse). */
    RESIDUAL,
    /** Drift of the input returns only (data drift). */
    INPUT,
    /** Either. */
    ANY
}
