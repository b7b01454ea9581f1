package io.tickcast.pipeline;

/** What a symbol's pipeline does when a triggering drift STARTS. */
public enum DriftResponse {
    /** Nothing: the model keeps learning at its usual pace. */
    NONE,
    /** Multiply the learning rate for a number of points ({@code OnlineForecaster.scaleLearningRate}). */
    BOOST_LEARNING_RATE,
    /** Forget the recurrent and optimizer state, keep the weights ({@code OnlineForecaster.resetState}). */
    RESET_STATE,
    /** Go back to the last snapshot taken while the model was healthy. */
    ROLLBACK,
    /** Train a fresh challenger beside the incumbent; promote it if it beats the incumbent over a window. */
    CHALLENGER
}
