package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Online aggregation of K candidate forecasts by AdaHedge (de Rooij, van Erven, Grünwald and Koolen, "Follow
 * the Leader If You Can, Hedge If You Must", JMLR 15, 2014): exponential weights on the candidates' cumulative
 * squared errors with the learning rate {@code η = ln K / Δ}, where Δ is the cumulative mixability gap. Nothing
 * is tuned: the rate follows from the losses, and the scale of the losses does not matter. Its cumulative loss
 * exceeds the best candidate's {@code L*} by at most order {@code √(L*·ln K)} plus a constant times the loss
 * range, on any sequence; the weighted average of the forecasts does at least as well as that (the squared error
 * is convex). While no mixability gap has built up ({@code Δ = 0}) it weighs the leaders equally (at the start,
 * all candidates).
 *
 * <p>Use: {@link #combine} the candidates' forecasts, then {@link #update} with the realised value before the
 * next {@code combine}. Not thread-safe.
 */
final class AdaHedge implements Combination {
    private final double logK;
    private final double[] losses;
    private final double[] forecasts;
    private final double[] weights;
    private final double[] loss;
    private double gap;
    private boolean pending;

    /** @param candidates number of candidate forecasts, at least 2 */
    AdaHedge(int candidates) {
        if (candidates < 2) {
            throw new IllegalArgumentException("need at least 2 candidates: " + candidates);
        }
        logK = Math.log(candidates);
        losses = new double[candidates];
        forecasts = new double[candidates];
        weights = new double[candidates];
        loss = new double[candidates];
    }

    /**
     * Weighs the candidates' forecasts of the next value and remembers them for {@link #update}.
     *
     * @param candidateForecasts one finite forecast per candidate
     * @return the weighted average forecast
     */
    @Override
    public double combine(double... candidateForecasts) {
        if (candidateForecasts.length != forecasts.length) {
            throw new IllegalArgumentException(candidateForecasts.length + " forecasts for " + forecasts.length
                    + " candidates");
        }
        System.arraycopy(candidateForecasts, 0, forecasts, 0, forecasts.length);
        currentWeights(weights);
        double combined = 0;
        for (int k = 0; k < forecasts.length; k++) {
            combined += weights[k] * forecasts[k];
        }
        pending = true;
        return combined;
    }

    /**
     * Scores the forecasts of the last {@link #combine} against the realised value; without one, or with a
     * non-finite value or forecast, nothing changes.
     */
    @Override
    public void update(double realised) {
        if (!pending || !Double.isFinite(realised)) {
            return;
        }
        pending = false;
        for (int k = 0; k < loss.length; k++) {
            double e = realised - forecasts[k];
            loss[k] = e * e;
            if (!Double.isFinite(loss[k])) {
                return;
            }
        }
        double hedgeLoss = 0;
        for (int k = 0; k < loss.length; k++) {
            hedgeLoss += weights[k] * loss[k];
            losses[k] += loss[k];
        }
        gap += Math.max(0, hedgeLoss - mixLoss(loss));
    }

    private double mixLoss(double[] loss) {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < loss.length; k++) {
            if (weights[k] > 0) {
                min = Math.min(min, loss[k]);
            }
        }
        if (gap == 0) {
            return min;
        }
        double eta = logK / gap;
        double sum = 0;
        for (int k = 0; k < loss.length; k++) {
            sum += weights[k] * Math.exp(-eta * (loss[k] - min));
        }
        return min - Math.log(sum) / eta;
    }

    /** Writes the weights the next {@link #combine} uses into {@code w}. */
    private void currentWeights(double[] w) {
        double min = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            min = Math.min(min, l);
        }
        double sum = 0;
        for (int k = 0; k < losses.length; k++) {
            w[k] = gap == 0 ? (losses[k] == min ? 1 : 0) : Math.exp(-logK / gap * (losses[k] - min));
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
    }

    /**
     * @return the weights of the last {@link #combine} while it awaits its {@link #update}, else the weights the
     *         next one will use (uniform over the leaders while {@code Δ = 0}); they sum to 1
     */
    @Override
    public double[] weights() {
        if (pending) {
            return weights.clone();
        }
        double[] w = new double[weights.length];
        currentWeights(w);
        return w;
    }

    /** @return the weight of candidate {@code k} in the last {@link #combine} (which awaits its update) */
    @Override
    public double combinedWeight(int k) {
        return weights[k];
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(losses.length);
        for (int k = 0; k < losses.length; k++) {
            out.writeDouble(losses[k]);
            out.writeDouble(forecasts[k]);
            out.writeDouble(weights[k]);
        }
        out.writeDouble(gap);
        out.writeBoolean(pending);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, losses.length, "combination candidates");
        for (int k = 0; k < losses.length; k++) {
            losses[k] = in.readDouble();
            forecasts[k] = in.readDouble();
            weights[k] = in.readDouble();
        }
        gap = in.readDouble();
        pending = in.readBoolean();
    }
}
