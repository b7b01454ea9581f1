package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The mean of the last {@code capacity} values, in O(1) per value amortised. */
public final class SlidingWindowMean implements StateCodec {
    private final double[] values;
    private int next;
    private int size;
    private double sum;

    public SlidingWindowMean(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be >= 1: " + capacity);
        }
        this.values = new double[capacity];
    }

    public void add(double x) {
        double leaving = 0;
        if (size == values.length) {
            leaving = values[next];
        } else {
            size++;
        }
        values[next] = x;
        next = (next + 1) % values.length;
        // Subtracting a value that is most of the sum leaves rounding residue instead of what is left (a busy
        // stretch followed by a window of zeros would read ±1e-12, and its RMSE NaN): add the window up again
        // then, and once a lap so that residue cannot build up.
        if (next == 0 || (leaving != 0 && Math.abs(leaving) >= 0.5 * Math.abs(sum))) {
            sum = 0;
            for (int i = 0; i < size; i++) {
                sum += values[i];
            }
        } else {
            sum -= leaving;
            sum += x;
        }
    }

    /** @return the mean of the values in the window, {@code NaN} when empty */
    public double mean() {
        return size == 0 ? Double.NaN : sum / size;
    }

    public int size() {
        return size;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(values.length);
        out.writeInt(next);
        out.writeInt(size);
        out.writeDouble(sum);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, values.length, "window capacity");
        next = in.readInt();
        size = in.readInt();
        sum = in.readDouble();
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
    }
}
