package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Online aggregation of K candidate forecasts by ML-Poly, the polynomial potential with one adaptive learning
 * rate per candidate (Gaillard, Stoltz and van Erven, "A second-order bound with excess losses", COLT 2014),
 * applied to the linearised squared loss (the gradient trick), so that it competes with the best convex
 * combination of the candidates, not only with the best single one.
 *
 * <p>The rule. After the combined forecast {@code ŷ_t = Σ p_k f_k} meets the realised {@code y_t}, each candidate's
 * instantaneous regret is {@code r_k = g·(ŷ_t − f_k)} with {@code g = ŷ_t − y_t} the gradient of the squared loss
 * at {@code ŷ_t} (up to the factor 2, which no weight depends on). With {@code R_k = Σ r_k} and
 * {@code V_k = Σ r_k²}, the next weights are {@code p_k ∝ η_k·max(R_k, 0)} with {@code η_k = 1/(B² + V_k)},
 * {@code B = max |r|} seen so far; uniform while no {@code R_k} is positive. The paper states the rate as
 * {@code 1/(1 + V_k)} for regrets in [−1, 1]; here the regrets are measured in units of their own running range
 * {@code B}, which makes the weights independent of the scale of the prices and leaves no number to choose.
 *
 * <p>Its guarantee. For regrets in [−1, 1] the paper bounds every {@code R_k,T} by order
 * {@code √(K·ln(T)·(1 + V_k,T))}, a second-order bound; in our units {@code √(K·ln(T)·(B² + V_k,T))}, exactly so
 * if B were the final range, which the running range estimates online (as AdaHedge's Δ does its own scale).
 * The squared loss being convex, for any weights
 * {@code q} on the simplex, {@code Σ_t (ŷ_t − y_t)² − (q·f_t − y_t)² ≤ Σ_t 2g_t·(ŷ_t − q·f_t) = 2Σ_k q_k R_k,T},
 * so the combined forecast's cumulative squared error exceeds that of the best fixed convex combination by at
 * most the same order: when two candidates err independently, it learns to average them, where
 * {@link AdaHedge} settles on one.
 *
 * <p>Why ML-Poly rather than BOA with adaptive learning rates (Wintenberger, Machine Learning 106, 2017), which
 * has the same kind of guarantee: BOA's adaptive rates are {@code min(1/(2E), √(ln K / V_k))}, where {@code E}
 * must bound the regrets' range in advance or be found by a doubling trick that restarts; ML-Poly's weights are a
 * closed-form ratio of two running sums per candidate, with no exponential to overflow and no restart. With
 * K = 4 their bounds' different factors (√K·ln T against ln K·ln ln T) do not matter.
 *
 * <p>Use: {@link #combine}, then {@link #update} with the realised value. Allocates nothing per point. Not
 * thread-safe.
 */
final class MlPoly extends Combination {
    /** Written before the state, so that a snapshot of another combination rule is refused. */
    static final int STATE_TAG = 0x4D4C5031;
    private final double[] regrets;
    private final double[] squaredRegrets;
    private double maxSquaredRegret;

    /** @param candidates number of candidate forecasts, at least 2 */
    MlPoly(int candidates) {
        super(candidates);
        regrets = new double[candidates];
        squaredRegrets = new double[candidates];
    }

    @Override
    void update(double realised) {
        if (!pending || !Double.isFinite(realised) || !Double.isFinite(combined)) {
            return;
        }
        double gradient = combined - realised;
        for (double f : forecasts) {
            if (!Double.isFinite(gradient * (combined - f))) {
                return;
            }
        }
        pending = false;
        for (int k = 0; k < forecasts.length; k++) {
            double r = gradient * (combined - forecasts[k]);
            regrets[k] += r;
            squaredRegrets[k] += r * r;
            maxSquaredRegret = Math.max(maxSquaredRegret, r * r);
        }
    }

    @Override
    void currentWeights(double[] w) {
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = regrets[k] > 0 ? regrets[k] / (maxSquaredRegret + squaredRegrets[k]) : 0;
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = sum > 0 && Double.isFinite(sum) ? w[k] / sum : 1.0 / w.length;
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_TAG);
        out.writeInt(regrets.length);
        for (int k = 0; k < regrets.length; k++) {
            out.writeDouble(regrets[k]);
            out.writeDouble(squaredRegrets[k]);
            out.writeDouble(forecasts[k]);
            out.writeDouble(weights[k]);
        }
        out.writeDouble(maxSquaredRegret);
        out.writeDouble(combined);
        out.writeBoolean(pending);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, STATE_TAG, "combination rule tag (ML-Poly)");
        StateCodec.expectInt(in, regrets.length, "combination candidates");
        for (int k = 0; k < regrets.length; k++) {
            regrets[k] = in.readDouble();
            squaredRegrets[k] = in.readDouble();
            forecasts[k] = in.readDouble();
            weights[k] = in.readDouble();
        }
        maxSquaredRegret = in.readDouble();
        combined = in.readDouble();
        pending = in.readBoolean();
    }
}
