package io.tickcast.pipeline;

import io.tickcast.model.OnlineForecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A forecaster with no skill at all for tests: seeded noise (plus a bias), whatever the input. */
final class NoiseTestForecaster implements OnlineForecaster {
    private final Random random;
    private final double bias;
    private final double amplitude;
    private long updates;
    private long observed;
    final List<String> calls = new ArrayList<>();
    /** The number of {@link #observe} calls made before each {@link #scaleLearningRate} call. */
    final List<Long> scaledAfter = new ArrayList<>();

    NoiseTestForecaster(long seed, double bias, double amplitude) {
        this.random = new Random(seed);
        this.bias = bias;
        this.amplitude = amplitude;
    }

    @Override
    public int inputSize() {
        return FeatureExtractor.FEATURES;
    }

    @Override
    public float observe(float[] features, float target) {
        observed++;
        if (!Float.isNaN(target)) {
            updates++;
        }
        return (float) (bias + amplitude * random.nextGaussian());
    }

    @Override
    public float predict(float[] features) {
        return (float) bias;
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public void scaleLearningRate(double factor) {
        calls.add("scaleLearningRate(" + factor + ")");
        scaledAfter.add(observed);
    }

    @Override
    public void resetState() {
        calls.add("resetState");
    }

    @Override
    public byte[] snapshot() {
        throw new UnsupportedOperationException("no snapshot for the noise forecaster");
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
