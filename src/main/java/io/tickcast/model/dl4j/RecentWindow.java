package io.tickcast.model.dl4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The most recent points (features and realised targets, NaN while unknown), oldest first. */
final class RecentWindow {

    private final int capacity;
    private final int inputSize;
    private final float[] features;
    private final float[] targets;
    private int size;
    private int next;

    RecentWindow(int capacity, int inputSize) {
        this.capacity = capacity;
        this.inputSize = inputSize;
        this.features = new float[capacity * inputSize];
        this.targets = new float[capacity];
    }

    int size() {
        return size;
    }

    void append(float[] x) {
        System.arraycopy(x, 0, features, next * inputSize, inputSize);
        targets[next] = Float.NaN;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    void labelNewest(float target) {
        targets[slot(size - 1)] = target;
    }

    /** @return the slot of the i-th oldest point */
    private int slot(int i) {
        return Math.floorMod(next - size + i, capacity);
    }

    /** @return features of the newest {@code steps} points as [1, inputSize, steps] */
    INDArray features(int steps) {
        INDArray x = Nd4j.create(DataType.FLOAT, 1, inputSize, steps);
        for (int s = 0; s < steps; s++) {
            int base = slot(size - steps + s) * inputSize;
            for (int f = 0; f < inputSize; f++) {
                x.putScalar(0, f, s, features[base + f]);
            }
        }
        return x;
    }

    /** @return the target of step {@code s} among the newest {@code steps} points */
    float target(int steps, int s) {
        return targets[slot(size - steps + s)];
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.writeInt(next);
        for (float v : features) {
            out.writeFloat(v);
        }
        for (float v : targets) {
            out.writeFloat(v);
        }
    }

    static RecentWindow read(DataInputStream in, int capacity, int inputSize) throws IOException {
        RecentWindow w = new RecentWindow(capacity, inputSize);
        w.size = in.readInt();
        w.next = in.readInt();
        if (w.size < 0 || w.size > capacity || w.next < 0 || w.next >= capacity) {
            throw new IOException("window position out of range");
        }
        for (int i = 0; i < w.features.length; i++) {
            w.features[i] = in.readFloat();
        }
        for (int i = 0; i < capacity; i++) {
            w.targets[i] = in.readFloat();
        }
        return w;
    }
}
