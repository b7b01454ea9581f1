package io.tickcast.pipeline;

/**
 * The drift response.
 *
 * @param kind             what to do on a triggering drift
 * @param trigger          which drifts trigger it
 * @param boostFactor      learning-rate multiplier of {@link DriftResponse#BOOST_LEARNING_RATE}, > 0
 * @param boostPoints      points the boost lasts, >= 1
 * @param rollbackInterval points between checkpoints of a healthy model for {@link DriftResponse#ROLLBACK}, >= 1
 * @param challengerWindow scored points over which a challenger is compared with the incumbent, >= 1
 */
public record ResponseSettings(DriftResponse kind, DriftTrigger trigger, double boostFactor, int boostPoints,
                               int rollbackInterval, int challengerWindow) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public ResponseSettings {
        Checks.notNull("drift.response", kind);
        Checks.notNull("drift.response.trigger", trigger);
        Checks.positive("drift.response.boost.factor", boostFactor);
        Checks.atLeast("drift.response.boost.points", boostPoints, 1);
        Checks.atLeast("drift.response.rollback.interval", rollbackInterval, 1);
        Checks.atLeast("drift.response.challenger.window", challengerWindow, 1);
    }

    public static ResponseSettings defaults() {
        return new ResponseSettings(DriftResponse.NONE, DriftTrigger.RESIDUAL, 3.0, 200, 500, 500);
    }
}
