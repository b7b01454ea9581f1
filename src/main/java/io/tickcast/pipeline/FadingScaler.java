package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Online standardisation by a fading-factor Welford mean and variance: only values already seen are used,
 * so a value is scaled by the statistics of its past. Not thread-safe.
 */
public final class FadingScaler implements StateCodec {
    private static final double MIN_SD = 1e-12;
    private final double factor;
    private double weight;
    private double mean;
    private double m2;

    /** @param factor fading factor in (0, 1] */
    public FadingScaler(double factor) {
        this.factor = factor;
    }

    /** @return {@code (x − mean)/sd} by the statistics so far, 0 while the deviation is not yet known */
    public double scale(double x) {
        double sd = sd();
        return sd > MIN_SD ? (x - mean) / sd : 0;
    }

    /** Adds a value to the statistics. */
    public void update(double x) {
        weight = factor * weight + 1;
        double delta = x - mean;
        mean += delta / weight;
        m2 = factor * m2 + delta * (x - mean);
    }

    public double mean() {
        return mean;
    }

    /** @return the fading standard deviation, 0 before two values */
    public double sd() {
        return weight > 1 ? Math.sqrt(Math.max(m2, 0) / weight) : 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(weight);
        out.writeDouble(mean);
        out.writeDouble(m2);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        weight = in.readDouble();
        mean = in.readDouble();
        m2 = in.readDouble();
    }
}
