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
final class AdaHedge extends Combination {
    private final double logK;
    private final double[] losses;
    private final double[] loss;
    private double gap;

    /** @param candidates number of candidate forecasts, at least 2 */
    AdaHedge(int candidates) {
        super(candidates);
        logK = Math.log(candidates);
        losses = new double[candidates];
        loss = new double[candidates];
    }

    /**
     * Scores the forecasts of the last {@link #combine} against the realised value; without one, or with a
     * non-finite value or forecast, nothing changes.
     */
    @Override
    void update(double realised) {
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

    /** Writes the next {@link #combine}'s weights into {@code w}: uniform over the leaders while {@code Δ = 0}. */
    @Override
    void currentWeights(double[] w) {
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
