package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.OnlineForecaster;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, deterministic, real online forecaster for pipeline tests: a linear model of the features
 * trained by normalised SGD, test-then-train, with a versioned snapshot. Records the drift-response calls.
 */
final class LinearTestForecaster implements OnlineForecaster {
    private static final int VERSION = 1;
    private final int inputSize;
    private final double learningRate;
    private final double[] weights;
    private final double[] lastFeatures;
    private boolean hasLast;
    private long updates;
    private double rateScale = 1;
    final List<String> calls = new ArrayList<>();

    LinearTestForecaster(ForecasterSpec spec) {
        this(spec.inputSize(), spec.learningRate());
        for (int i = 0; i < inputSize; i++) {
            weights[i] = ((spec.seed() * 31 + i) % 7 - 3) * 1e-3;
        }
    }

    private LinearTestForecaster(int inputSize, double learningRate) {
        this.inputSize = inputSize;
        this.learningRate = learningRate;
        this.weights = new double[inputSize + 1];
        this.lastFeatures = new double[inputSize];
    }

    static ForecasterFactory factory() {
        return ForecasterFactory.of(LinearTestForecaster::new, LinearTestForecaster::restore);
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public float observe(float[] features, float target) {
        if (features.length != inputSize) {
            throw new IllegalArgumentException("features: " + features.length);
        }
        if (hasLast && !Float.isNaN(target)) {
            double error = target - dot(lastFeatures);
            double norm = 1;
            for (double x : lastFeatures) {
                norm += x * x;
            }
            double step = learningRate * rateScale * error / norm;
            for (int i = 0; i < inputSize; i++) {
                weights[i] += step * lastFeatures[i];
            }
            weights[inputSize] += step;
            updates++;
        }
        for (int i = 0; i < inputSize; i++) {
            lastFeatures[i] = features[i];
        }
        hasLast = true;
        return (float) dot(lastFeatures);
    }

    private double dot(double[] x) {
        double sum = weights[inputSize];
        for (int i = 0; i < inputSize; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    @Override
    public float predict(float[] features) {
        double sum = weights[inputSize];
        for (int i = 0; i < inputSize; i++) {
            sum += weights[i] * features[i];
        }
        return (float) sum;
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public void scaleLearningRate(double factor) {
        calls.add("scaleLearningRate(" + factor + ")");
        rateScale = factor;
    }

    @Override
    public void resetState() {
        calls.add("resetState");
        hasLast = false;
    }

    @Override
    public byte[] snapshot() {
        ByteBuffer b = ByteBuffer.allocate(4 * 3 + 8 * (weights.length + lastFeatures.length + 3) + 1);
        b.putInt(VERSION).putInt(inputSize).putDouble(learningRate).putDouble(rateScale).putLong(updates);
        b.put((byte) (hasLast ? 1 : 0));
        for (double w : weights) {
            b.putDouble(w);
        }
        for (double x : lastFeatures) {
            b.putDouble(x);
        }
        return b.array();
    }

    static LinearTestForecaster restore(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != VERSION) {
            throw new IllegalArgumentException("bad test forecaster snapshot");
        }
        LinearTestForecaster f = new LinearTestForecaster(b.getInt(), b.getDouble());
        f.rateScale = b.getDouble();
        f.updates = b.getLong();
        f.hasLast = b.get() == 1;
        for (int i = 0; i < f.weights.length; i++) {
            f.weights[i] = b.getDouble();
        }
        for (int i = 0; i < f.lastFeatures.length; i++) {
            f.lastFeatures[i] = b.getDouble();
        }
        return f;
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
