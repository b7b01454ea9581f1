package io.tickcast.model;

/**
 * A sequence model that learns online, one point at a time, in test-then-train order.
 *
 * <p>The caller feeds one feature vector per point. Each call to {@link #observe} first learns from the
 * realised target of the previous call's prediction, then reads the new features and returns its
 * prediction of the next target. The prediction for point t+1 is therefore returned before point t+1
 * exists: there is no way to look ahead through this interface.
 *
 * <p>Implementations are not thread-safe: one instance belongs to one symbol, used by one thread at a time.
 * They speak plain Java values only; no ND4J type crosses this interface.
 */
public interface OnlineForecaster extends AutoCloseable {

    /** @return the number of input features per point this forecaster was built for */
    int inputSize();

    /**
     * Test-then-train on one point.
     *
     * @param features the features of the point just arrived, length {@link #inputSize()}; not retained
     * @param target   the realised value of what the previous call predicted, or {@code NaN} when there is
     *                 none (the first point): then no update is made
     * @return the prediction of the next point's target
     * @throws IllegalArgumentException if {@code features} has the wrong length or a non-finite value, or
     *                                  {@code target} is infinite; the forecaster is left unchanged
     */
    float observe(float[] features, float target);

    /**
     * Prediction only: reads the features, advances the recurrent state and returns the prediction of the
     * next target, without learning. Used to measure and to serve inference alone.
     *
     * @throws IllegalArgumentException if {@code features} has the wrong length or a non-finite value
     */
    float predict(float[] features);

    /** @return the number of gradient updates made so far (the model version) */
    long updates();

    /**
     * Multiplies the learning rate by {@code factor} until called again ({@code 1.0} restores the
     * configured rate). A drift response.
     */
    void scaleLearningRate(double factor);

    /** Forgets the recurrent state and the optimizer's moments, keeping the weights. A drift response. */
    void resetState();

    /**
     * A self-contained, versioned binary snapshot of everything needed to continue exactly where this
     * forecaster is: parameters, optimizer state, recurrent state and the recent window.
     */
    byte[] snapshot();

    /** Frees native memory. The forecaster must not be used afterwards. */
    @Override
    void close();
}
