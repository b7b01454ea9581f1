package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Split-conformal quantile over a sliding window of non-conformity scores (e.g. absolute residuals divided
 * by a volatility scale). With n scores, the level-{@code q} quantile is the ⌈(n+1)q⌉-th smallest score, so
 * that an interval {@code forecast ± quantile·scale} covers a new point with probability at least q under
 * exchangeability.
 *
 * <p>With an adaptation rate γ > 0 the level is adapted online as in adaptive conformal inference (Gibbs and
 * Candès, NeurIPS 2021): after each interval, {@code α_t+1 = α_t + γ(α − miss_t)} with {@code α = 1 − level},
 * which keeps the long-run coverage at the nominal level when the scores are not exchangeable (volatility
 * regimes, drift). The quantile is then taken at {@code 1 − α_t}: unbounded when the scores cannot give that
 * level (see {@link #quantile()}).
 */
public final class ConformalQuantile implements StateCodec {
    /** Keeps a rank that is an integer up to rounding (e.g. 10 · 0.9) from rounding up past it. */
    private static final double RANK_TOLERANCE = 1e-9;
    private final double level;
    private final double adaptation;
    private final int minScores;
    private double alpha;
    private final double[] ring;
    private final double[] sorted;
    private int next;
    private int size;

    /**
     * @param level     coverage level in (0, 1), e.g. 0.9
     * @param window    number of most recent scores kept
     * @param minScores scores needed before a quantile is given
     * @param adaptation the adaptation rate γ of the level, >= 0 (0: the plain split-conformal quantile)
     */
    public ConformalQuantile(double level, int window, int minScores, double adaptation) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1): " + level);
        }
        if (window < 1 || minScores < 1 || minScores > window) {
            throw new IllegalArgumentException("need 1 <= minScores <= window: " + minScores + ", " + window);
        }
        if (!(adaptation >= 0) || Double.isInfinite(adaptation)) {
            throw new IllegalArgumentException("adaptation rate must be >= 0: " + adaptation);
        }
        this.level = level;
        this.adaptation = adaptation;
        this.alpha = 1 - level;
        this.minScores = minScores;
        this.ring = new double[window];
        this.sorted = new double[window];
    }

    /** Adds a finite, non-negative score; others are ignored. */
    public void add(double score) {
        if (!(score >= 0) || Double.isInfinite(score)) {
            return;
        }
        if (size == ring.length) {
            remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = score;
        next = (next + 1) % ring.length;
        insert(score);
    }

    private void remove(double score) {
        int at = Arrays.binarySearch(sorted, 0, size, score);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    }

    private void insert(double score) {
        int count = size - 1;
        int at = Arrays.binarySearch(sorted, 0, count, score);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = score;
    }

    /** The plain split-conformal quantile (no adaptation). */
    public ConformalQuantile(double level, int window, int minScores) {
        this(level, window, minScores, 0);
    }

    /** Tells whether the last interval built from {@link #quantile()} covered its point; adapts the level. */
    public void covered(boolean covered) {
        alpha += adaptation * ((1 - level) - (covered ? 0 : 1));
    }

    /** @return the level the quantile is currently taken at (the nominal level without adaptation) */
    public double currentLevel() {
        return 1 - alpha;
    }

    /**
     * The ⌈(n+1)(1 − α_t)⌉-th smallest of the n scores. When that rank exceeds n (a level above n/(n+1), which
     * the adaptation reaches after a run of misses) the quantile is {@code +∞}: the finite-sample guarantee of
     * split-conformal, and the long-run guarantee of adaptive conformal inference, both rest on an unbounded
     * interval there; clamping to the largest score would lose them and bias the coverage low. At a rank
     * below 1 (α_t ≥ 1) it is 0, an interval of zero width.
     *
     * @return the conformal quantile of the scores, {@code +∞} or 0 as above, or {@code NaN} with fewer than
     *         {@code minScores} scores
     */
    public double quantile() {
        if (size < minScores) {
            return Double.NaN;
        }
        double rank = Math.ceil((size + 1) * (1 - alpha) - RANK_TOLERANCE);
        if (rank > size) {
            return Double.POSITIVE_INFINITY;
        }
        return rank < 1 ? 0 : sorted[(int) rank - 1];
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(ring.length);
        out.writeInt(next);
        out.writeInt(size);
        out.writeDouble(alpha);
        for (double v : ring) {
            out.writeDouble(v);
        }
        for (int i = 0; i < size; i++) {
            out.writeDouble(sorted[i]);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, ring.length, "conformal window");
        next = in.readInt();
        size = in.readInt();
        alpha = in.readDouble();
        for (int i = 0; i < ring.length; i++) {
            ring[i] = in.readDouble();
        }
        for (int i = 0; i < size; i++) {
            sorted[i] = in.readDouble();
        }
    }
}
