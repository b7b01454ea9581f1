package io.tickcast.model.fast;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The last W points: their features, their realised targets (NaN until known) and the recurrent state
 * before each of them ({@code h} and {@code c} per layer), so a truncated back-propagation can restart k points
 * back. Fixed capacity, no allocation after construction. Shared by the fast and the nd4j engines; not thread-safe.
 */
public final class PointRing {

    final int capacity;
    private final float[][] features;
    private final float[] targets;
    /** [slot][layer][unit]. */
    private final float[][][] hBefore;
    private final float[][][] cBefore;
    private int size;
    private int next;

    /** An empty ring of {@code capacity} points: {@code inputSize} features, {@code layers} x {@code hidden} states. */
    public PointRing(int capacity, int inputSize, int layers, int hidden) {
        this.capacity = capacity;
        this.features = new float[capacity][inputSize];
        this.targets = new float[capacity];
        this.hBefore = new float[capacity][layers][hidden];
        this.cBefore = new float[capacity][layers][hidden];
    }

    /** @return the points held, at most the capacity */
    public int size() {
        return size;
    }

    /** Appends a point with unknown target and the state before it. */
    public void append(float[] x, float[][] h, float[][] c) {
        System.arraycopy(x, 0, features[next], 0, x.length);
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(h[l], 0, hBefore[next][l], 0, h[l].length);
            System.arraycopy(c[l], 0, cBefore[next][l], 0, c[l].length);
        }
        targets[next] = Float.NaN;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size < capacity) {
            size++;
        }
    }

    /** Sets the realised target of the newest point. */
    public void labelNewest(float target) {
        targets[slot(size - 1)] = target;
    }

    /** @return the slot of the i-th oldest point */
    private int slot(int i) {
        int s = next - size + i;
        return s < 0 ? s + capacity : s;
    }

    /**
     * Points the network's sequence at the newest {@code steps} points (no copy) and copies their targets.
     *
     * @return the slot of the oldest of them
     */
    public int loadNewest(int steps, float[][] xs, float[] ts) {
        for (int s = 0; s < steps; s++) {
            int slot = slot(size - steps + s);
            xs[s] = features[slot];
            ts[s] = targets[slot];
        }
        return slot(size - steps);
    }

    /** @return the hidden state before the point in {@code slot}, per layer (the ring's own arrays) */
    public float[][] hBefore(int slot) {
        return hBefore[slot];
    }

    /** @return the cell state before the point in {@code slot}, per layer (the ring's own arrays) */
    public float[][] cBefore(int slot) {
        return cBefore[slot];
    }

    /** Zeroes every stored state; features and targets stay. */
    public void clearStates() {
        for (int s = 0; s < capacity; s++) {
            for (float[] row : hBefore[s]) {
                Arrays.fill(row, 0f);
            }
            for (float[] row : cBefore[s]) {
                Arrays.fill(row, 0f);
            }
        }
    }

    /** @return the bytes {@link #write} writes */
    public int serializedBytes() {
        int states = capacity * hBefore[0].length * hBefore[0][0].length;
        return 8 + 4 * (FloatArrays.count(features) + targets.length + 2 * states);
    }

    /** Writes the window: position, features, targets and states, as raw float bits. */
    public void write(ByteBuffer out) {
        out.putInt(size).putInt(next);
        FloatArrays.put(out, features);
        FloatArrays.put(out, targets);
        for (int s = 0; s < capacity; s++) {
            FloatArrays.put(out, hBefore[s]);
            FloatArrays.put(out, cBefore[s]);
        }
    }

    /** Reads what {@link #write} wrote into a ring of the same shape. */
    public void read(ByteBuffer in) {
        int newSize = in.getInt();
        int newNext = in.getInt();
        if (newSize < 0 || newSize > capacity || newNext < 0 || newNext >= capacity) {
            throw new IllegalArgumentException("corrupt forecaster snapshot: window position out of range");
        }
        size = newSize;
        next = newNext;
        FloatArrays.get(in, features);
        FloatArrays.get(in, targets);
        for (int s = 0; s < capacity; s++) {
            FloatArrays.get(in, hBefore[s]);
            FloatArrays.get(in, cBefore[s]);
        }
    }
}
