package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The two-sided Page-Hinkley test (Page 1954; Hinkley 1971) with a fading factor on the cumulative sums.
 *
 * <p>With x̄ the running mean of the values since the last restart, the upward sum is
 * {@code m = α·m + (x − x̄ − δ)} with {@code PH⁺ = m − min(m)}, the downward sum
 * {@code n = α·n + (x − x̄ + δ)} with {@code PH⁻ = max(n) − n}. A change is declared when, after at least
 * {@code minPoints} values, {@code max(PH⁺, PH⁻) > λ}; the test then restarts. The statistic is
 * {@code max(PH⁺, PH⁻)} at the last value (before any restart).
 */
public final class PageHinkley implements DriftDetector {
    private final double delta;
    private final double lambda;
    private final double alpha;
    private final int minPoints;
    private long count;
    private double mean;
    private double up;
    private double upMin;
    private double down;
    private double downMax;
    private double lastStatistic;

    /**
     * @param delta     magnitude of changes tolerated (δ), >= 0
     * @param lambda    detection threshold (λ), > 0
     * @param alpha     fading factor of the cumulative sums (α), in (0, 1]
     * @param minPoints values needed after a restart before a change can be declared, >= 1
     */
    public PageHinkley(double delta, double lambda, double alpha, int minPoints) {
        if (!(delta >= 0) || !(lambda > 0) || !(alpha > 0 && alpha <= 1) || minPoints < 1) {
            throw new IllegalArgumentException("Page-Hinkley needs delta >= 0, lambda > 0, alpha in (0, 1], "
                    + "minPoints >= 1: " + delta + ", " + lambda + ", " + alpha + ", " + minPoints);
        }
        this.delta = delta;
        this.lambda = lambda;
        this.alpha = alpha;
        this.minPoints = minPoints;
    }

    @Override
    public String name() {
        return "page_hinkley";
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        count++;
        mean += (value - mean) / count;
        up = alpha * up + (value - mean - delta);
        upMin = Math.min(upMin, up);
        down = alpha * down + (value - mean + delta);
        downMax = Math.max(downMax, down);
        lastStatistic = Math.max(up - upMin, downMax - down);
        if (count >= minPoints && lastStatistic > lambda) {
            restart();
            return true;
        }
        return false;
    }

    private void restart() {
        count = 0;
        mean = 0;
        up = 0;
        upMin = 0;
        down = 0;
        downMax = 0;
    }

    @Override
    public double statistic() {
        return lastStatistic;
    }

    @Override
    public double threshold() {
        return lambda;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(up);
        out.writeDouble(upMin);
        out.writeDouble(down);
        out.writeDouble(downMax);
        out.writeDouble(lastStatistic);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        count = in.readLong();
        mean = in.readDouble();
        up = in.readDouble();
        upMin = in.readDouble();
        down = in.readDouble();
        downMax = in.readDouble();
        lastStatistic = in.readDouble();
    }
}
