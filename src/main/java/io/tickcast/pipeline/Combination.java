package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;

/**
 * An online aggregation rule over a fixed number of candidate forecasts: the combined forecast is the weighted
 * average of the candidates' forecasts, with weights that the rule derives from their past errors.
 *
 * <p>Use: {@link #combine} the candidates' forecasts, then {@link #update} with the realised value before the
 * next {@code combine}. Implementations allocate nothing per point and are not thread-safe.
 */
abstract class Combination implements StateCodec {
    /** The candidates' forecasts of the last {@link #combine}. */
    final double[] forecasts;
    /** The weights of the last {@link #combine}. */
    final double[] weights;
    /** The combined forecast of the last {@link #combine}. */
    double combined;
    /** Whether the last {@link #combine} awaits its {@link #update}. */
    boolean pending;

    /** @param candidates number of candidate forecasts, at least 2 */
    Combination(int candidates) {
        if (candidates < 2) {
            throw new IllegalArgumentException("need at least 2 candidates: " + candidates);
        }
        forecasts = new double[candidates];
        weights = new double[candidates];
    }

    /**
     * Weighs the candidates' forecasts of the next value and remembers them for {@link #update}.
     *
     * @param candidateForecasts one finite forecast per candidate (copied)
     * @return the weighted average forecast
     */
    final double combine(double... candidateForecasts) {
        if (candidateForecasts.length != forecasts.length) {
            throw new IllegalArgumentException(candidateForecasts.length + " forecasts for " + forecasts.length
                    + " candidates");
        }
        System.arraycopy(candidateForecasts, 0, forecasts, 0, forecasts.length);
        currentWeights(weights);
        double sum = 0;
        for (int k = 0; k < forecasts.length; k++) {
            sum += weights[k] * forecasts[k];
        }
        combined = sum;
        pending = true;
        return combined;
    }

    /**
     * Scores the forecasts of the last {@link #combine} against the realised value; without one, or with a
     * non-finite value, nothing changes.
     */
    abstract void update(double realised);

    /** Writes the weights the next {@link #combine} uses into {@code w}; non-negative, they sum to 1. */
    abstract void currentWeights(double[] w);

    /**
     * @return the weights of the last {@link #combine} while it awaits its {@link #update}, else the weights the
     *         next one will use; non-negative, they sum to 1 (a fresh array)
     */
    final double[] weights() {
        if (pending) {
            return weights.clone();
        }
        double[] w = new double[weights.length];
        currentWeights(w);
        return w;
    }

    /** @return the weight of candidate {@code k} in the last {@link #combine} */
    final double combinedWeight(int k) {
        return weights[k];
    }
}
