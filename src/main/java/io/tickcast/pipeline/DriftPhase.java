package io.tickcast.pipeline;

/** The lifecycle of one drift of one detector on one signal. */
public enum DriftPhase {
    /** The detector fired while no drift was active. */
    STARTED,
    /** The detector fired again while the drift was active (at most once per cooldown). */
    ONGOING,
    /** The detector stayed quiet for the cooldown. */
    RECOVERED
}
