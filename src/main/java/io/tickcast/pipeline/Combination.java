package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;

/**
 * An online aggregation rule over a fixed number of candidate forecasts.
 *
 * <p>Use: {@link #combine} the candidates' forecasts, then {@link #update} with the realised value before the
 * next {@code combine}. Implementations allocate nothing per point and are not thread-safe.
 */
interface Combination extends StateCodec {

    /**
     * Weighs the candidates' forecasts of the next value and remembers them for {@link #update}.
     *
     * @param candidateForecasts one finite forecast per candidate (copied)
     * @return the weighted average forecast
     */
    double combine(double... candidateForecasts);

    /**
     * Scores the forecasts of the last {@link #combine} against the realised value; without one, or with a
     * non-finite value, nothing changes.
     */
    void update(double realised);

    /**
     * @return the weights of the last {@link #combine} while it awaits its {@link #update}, else the weights the
     *         next one will use; non-negative, they sum to 1 (a fresh array)
     */
    double[] weights();

    /** @return the weight of candidate {@code k} in the last {@link #combine} */
    double combinedWeight(int k);
}
