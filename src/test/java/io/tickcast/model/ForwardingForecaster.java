package io.tickcast.model;

/** An {@link OnlineForecaster} that passes every call to another: tests override the one call they watch. */
public abstract class ForwardingForecaster implements OnlineForecaster {

    private final OnlineForecaster delegate;

    protected ForwardingForecaster(OnlineForecaster delegate) {
        this.delegate = delegate;
    }

    protected OnlineForecaster delegate() {
        return delegate;
    }

    @Override
    public int inputSize() {
        return delegate.inputSize();
    }

    @Override
    public float observe(float[] features, float target) {
        return delegate.observe(features, target);
    }

    @Override
    public float predict(float[] features) {
        return delegate.predict(features);
    }

    @Override
    public long updates() {
        return delegate.updates();
    }

    @Override
    public void scaleLearningRate(double factor) {
        delegate.scaleLearningRate(factor);
    }

    @Override
    public void resetState() {
        delegate.resetState();
    }

    @Override
    public byte[] snapshot() {
        return delegate.snapshot();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
