package io.tickcast.model.dl4j;

import io.tickcast.model.ForecasterInputs;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The naive reference engine: per update, {@code MultiLayerNetwork.fit()} on the last W labelled points (from a
 * zero recurrent state); per prediction, {@code output()} over the last W points. About 20 ms per update.
 */
public final class Dl4jForecaster implements OnlineForecaster {

    private final ForecasterSpec spec;
    private final MultiLayerNetwork net;
    private final RecentWindow window;
    private long updates;
    private double learningRateFactor = 1.0;

    private Dl4jForecaster(ForecasterSpec spec, MultiLayerNetwork net, RecentWindow window) {
        this.spec = spec;
        this.net = net;
        this.window = window;
    }

    /** @return a fresh reference forecaster for a validated spec */
    public static Dl4jForecaster create(ForecasterSpec spec) {
        return new Dl4jForecaster(spec, Dl4jNetworks.create(spec),
                new RecentWindow(spec.window() + 1, spec.inputSize()));
    }

    /** @return the forecaster stored in {@code payload} by {@link #snapshot()} */
    public static Dl4jForecaster restore(ForecasterSpec spec, byte[] payload) {
        Dl4jNetworks.useOneNd4jThread();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            long updates = in.readLong();
            double factor = in.readDouble();
            RecentWindow window = RecentWindow.read(in, spec.window() + 1, spec.inputSize());
            byte[] model = in.readNBytes(in.readInt());
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), true);
            Dl4jForecaster f = new Dl4jForecaster(spec, net, window);
            f.updates = updates;
            f.learningRateFactor = factor;
            return f;
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt dl4j forecaster snapshot: " + e.getMessage(), e);
        }
    }

    @Override
    public int inputSize() {
        return spec.inputSize();
    }

    @Override
    public float observe(float[] features, float target) {
        ForecasterInputs.checkFeatures(features, spec.inputSize());
        ForecasterInputs.checkTarget(target);
        if (!Float.isNaN(target) && window.size() > 0) {
            window.labelNewest(target);
            fitWindow();
        }
        return step(features);
    }

    @Override
    public float predict(float[] features) {
        ForecasterInputs.checkFeatures(features, spec.inputSize());
        return step(features);
    }

    /** Reads checked features: keeps them in the window and predicts from it. */
    private float step(float[] features) {
        window.append(features);
        int steps = Math.min(spec.window(), window.size());
        INDArray out = net.output(window.features(steps));
        return out.getFloat(0, 0, steps - 1);
    }

    private void fitWindow() {
        int steps = Math.min(spec.window(), window.size());
        INDArray x = window.features(steps);
        INDArray y = Nd4j.create(DataType.FLOAT, 1, 1, steps);
        INDArray mask = Nd4j.create(DataType.FLOAT, 1, steps);
        for (int s = 0; s < steps; s++) {
            float t = window.target(steps, s);
            y.putScalar(0, 0, s, Float.isNaN(t) ? 0f : t);
            mask.putScalar(0, s, Float.isNaN(t) ? 0f : 1f);
        }
        net.fit(new DataSet(x, y, null, mask));
        updates++;
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public void scaleLearningRate(double factor) {
        ForecasterInputs.checkFactor(factor);
        learningRateFactor = factor;
        net.setLearningRate(spec.learningRate() * factor);
    }

    @Override
    public void resetState() {
        net.rnnClearPreviousState();
        INDArray state = net.getUpdater().getStateViewArray();
        if (state != null) {
            state.assign(0);
        }
        net.setIterationCount(0);
    }

    @Override
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(updates);
            out.writeDouble(learningRateFactor);
            window.write(out);
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, model, true);
            out.writeInt(model.size());
            model.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Forecasters.envelope(spec, bytes.toByteArray());
    }

    /** @return the underlying network, for tests and benchmarks in this module */
    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public void close() {
        net.close();
    }
}
