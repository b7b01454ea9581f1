package io.tickcast.pipeline;

/**
 * The drift response.
 *
 * @param kind             what to do on a triggering drift
 * @param trigger          which drifts trigger it
 * @param detector         the detector whose drifts trigger it: {@code page_hinkley}, {@code adwin}, {@code kswin}
 *                         or {@code any}
 * @param boostFactor      learning-rate multiplier of {@link DriftResponse#BOOST_LEARNING_RATE}, > 0
 * @param boostPoints      points the boost lasts, >= 1
 * @param rollbackInterval points between checkpoints of a healthy model for {@link DriftResponse#ROLLBACK}, >= 1
 * @param challengerWindow scored points over which a challenger is compared with the incumbent, >= 1
 */
public record ResponseSettings(DriftResponse kind, DriftTrigger trigger, String detector, double boostFactor,
                               int boostPoints,
                               int rollbackInterval, int challengerWindow) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public ResponseSettings {
        Checks.notNull("drift.response", kind);
        Checks.notNull("drift.response.trigger", trigger);
        Checks.notNull("drift.response.detector", detector);
        if (!DETECTORS.contains(detector)) {
            throw new IllegalArgumentException("drift.response.detector must be one of " + DETECTORS + ": " + detector);
        }
        Checks.positive("drift.response.boost.factor", boostFactor);
        Checks.atLeast("drift.response.boost.points", boostPoints, 1);
        Checks.atLeast("drift.response.rollback.interval", rollbackInterval, 1);
        Checks.atLeast("drift.response.challenger.window", challengerWindow, 1);
    }

    /** Detector names accepted by {@code detector}. */
    public static final java.util.List<String> DETECTORS = java.util.List.of("any", "page_hinkley", "adwin", "kswin");

    public static ResponseSettings defaults() {
        return new ResponseSettings(DriftResponse.NONE, DriftTrigger.RESIDUAL, "adwin", 3.0, 200, 500, 500);
    }

    /** @return these settings with another response kind */
    public ResponseSettings withKind(DriftResponse newKind) {
        return new ResponseSettings(newKind, trigger, detector, boostFactor, boostPoints, rollbackInterval,
                challengerWindow);
    }

    /** @return whether a STARTED event of {@code detectorName} on {@code signal} sets off the response */
    public boolean triggeredBy(String detectorName, DriftSignal signal) {
        boolean signalMatches = trigger == DriftTrigger.ANY
                || (trigger == DriftTrigger.RESIDUAL) == (signal == DriftSignal.RESIDUAL);
        return signalMatches && ("any".equals(detector) || detector.equals(detectorName));
    }
}
