package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A prequential fading-factor mean (Gama, Sebastião and Rodrigues, 2013): {@code S = λS + x},
 * {@code N = λN + 1}, mean {@code S/N}. With {@code λ = 1} it is the plain running mean.
 */
public final class FadingMean implements StateCodec {
    private final double factor;
    private double sum;
    private double weight;

    /** @param factor the fading factor λ in (0, 1] */
    public FadingMean(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("fading factor must be in (0, 1]: " + factor);
        }
        this.factor = factor;
    }

    public void add(double x) {
        sum = factor * sum + x;
        weight = factor * weight + 1;
    }

    /** @return the fading mean, {@code NaN} before the first value */
    public double mean() {
        return weight == 0 ? Double.NaN : sum / weight;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(sum);
        out.writeDouble(weight);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        sum = in.readDouble();
        weight = in.readDouble();
    }
}
