package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Baseline: the next value is the exponentially weighted moving average of the values so far. */
public final class EwmaForecast implements StateCodec {
    private final double alpha;
    private double level = Double.NaN;

    /** @param alpha weight of the newest value, in (0, 1] */
    public EwmaForecast(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("EWMA alpha must be in (0, 1]: " + alpha);
        }
        this.alpha = alpha;
    }

    public void observe(double value) {
        level = Double.isNaN(level) ? value : alpha * value + (1 - alpha) * level;
    }

    /** @return the forecast of the next value, {@code NaN} before the first value */
    public double forecast() {
        return level;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(level);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        level = in.readDouble();
    }
}
