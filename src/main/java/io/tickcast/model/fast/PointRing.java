package io.tickcast.model.fast;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The last W points: their features, their realised targets (NaN until known) and the recurrent state
 * before each of them (layer-major {@code h} and {@code c}), so that a truncated back-propagation can restart
 * k points back. Fixed capacity, no allocation after construction.
 */
final class PointRing {

    final int capacity;
    final int inputSize;
    final int stateSize;
    private final float[] features;
    private final float[] targets;
    final float[] hBefore;
    final float[] cBefore;
    private int size;
    private int next;

    PointRing(int capacity, int inputSize, int stateSize) {
        this.capacity = capacity;
        this.inputSize = inputSize;
        this.stateSize = stateSize;
        this.features = new float[capacity * inputSize];
        this.targets = new float[capacity];
        this.hBefore = new float[capacity * stateSize];
        this.cBefore = new float[capacity * stateSize];
    }

    int size() {
        return size;
    }

    /** Appends a point with unknown target and the state before it. */
    void append(float[] x, float[] h, float[] c) {
        System.arraycopy(x, 0, features, next * inputSize, inputSize);
        System.arraycopy(h, 0, hBefore, next * stateSize, stateSize);
        System.arraycopy(c, 0, cBefore, next * stateSize, stateSize);
        targets[next] = Float.NaN;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size < capacity) {
            size++;
        }
    }

    void labelNewest(float target) {
        targets[slot(size - 1)] = target;
    }

    /** @return the slot of the i-th oldest point */
    int slot(int i) {
        int s = next - size + i;
        return s < 0 ? s + capacity : s;
    }

    /** Copies the newest {@code steps} points' features and targets, oldest first. */
    void copyNewest(int steps, float[] xs, float[] ts) {
        for (int s = 0; s < steps; s++) {
            int slot = slot(size - steps + s);
            System.arraycopy(features, slot * inputSize, xs, s * inputSize, inputSize);
            ts[s] = targets[slot];
        }
    }

    void clearStates() {
        Arrays.fill(hBefore, 0f);
        Arrays.fill(cBefore, 0f);
    }

    int serializedFloats() {
        return features.length + targets.length + hBefore.length + cBefore.length;
    }

    void write(ByteBuffer out) {
        out.putInt(size).putInt(next);
        FloatArrays.put(out, features);
        FloatArrays.put(out, targets);
        FloatArrays.put(out, hBefore);
        FloatArrays.put(out, cBefore);
    }

    void read(ByteBuffer in) {
        int newSize = in.getInt();
        int newNext = in.getInt();
        if (newSize < 0 || newSize > capacity || newNext < 0 || newNext >= capacity) {
            throw new IllegalArgumentException("corrupt fast forecaster snapshot: window position out of range");
        }
        size = newSize;
        next = newNext;
        FloatArrays.get(in, features);
        FloatArrays.get(in, targets);
        FloatArrays.get(in, hBefore);
        FloatArrays.get(in, cBefore);
    }
}
