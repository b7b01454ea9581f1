package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The mean of the last {@code capacity} values, in O(1) per value. */
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
        if (size == values.length) {
            sum -= values[next];
        } else {
            size++;
        }
        values[next] = x;
        sum += x;
        next = (next + 1) % values.length;
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
