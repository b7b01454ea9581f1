package io.tickcast.model.fast;

import io.tickcast.model.ForecasterInputs;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.dl4j.Dl4jNetworks;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The default engine. Per point: label the previous point, recompute the last k steps from the recurrent
 * state stored k points back, back-propagate the squared error of those k steps, one Adam step, then one
 * forward step on the new point from the recomputed state. With {@code updateEvery} m &gt; 1 the training part
 * runs on every m-th labelled point only, over the last m + k - 1 steps (every point of the batch with k - 1
 * steps of context before the oldest); the points in between are labelled, kept and predicted with the
 * carried state, the parameters unchanged. Weights come from the seeded DL4J initialisation
 * of the reference network ({@link Dl4jNetworks}); after that no ND4J call, no allocation and no native
 * memory is involved per point. Pure Java float arithmetic in a fixed order: bit-reproducible on any JVM.
 */
public final class FastForecaster implements OnlineForecaster {

    /** Version 2 adds m and the number of labelled points since the last optimizer step; 1 is still read. */
    private static final int PAYLOAD_VERSION = 2;

    private final ForecasterSpec spec;
    private final FastNetwork net;
    private final Adam adam;
    private final PointRing ring;
    private final float[][] hCur;
    private final float[][] cCur;
    private long updates;
    /** Labelled points since the last optimizer step, 0..m-1 between calls. */
    private int pending;
    private double learningRateFactor = 1.0;
    private float lastLoss = Float.NaN;

    private FastForecaster(ForecasterSpec spec) {
        this.spec = spec;
        this.net = new FastNetwork(spec.inputSize(), spec.hiddenSize(), spec.layers(), spec.stepsPerUpdate());
        this.adam = new Adam(net.params, Dl4jNetworks.BETA1, Dl4jNetworks.BETA2, Dl4jNetworks.EPSILON);
        this.ring = new PointRing(spec.window(), spec.inputSize(), spec.layers(), spec.hiddenSize());
        this.hCur = new float[spec.layers()][spec.hiddenSize()];
        this.cCur = new float[spec.layers()][spec.hiddenSize()];
    }

    /** @return a fresh forecaster with the seeded DL4J initial weights of the reference network */
    public static FastForecaster create(ForecasterSpec spec) {
        FastForecaster f = new FastForecaster(spec);
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        try {
            Dl4jLayout.copyFrom(reference, f.net);
        } finally {
            // Frees the network's one native buffer. Not reference.close(): that also destroys the thread's ND4J
            // workspaces (this network made none) and calls System.gc(), a full collection for every new model.
            INDArray params = reference.params();
            if (params != null && params.closeable()) {
                params.close();
            }
        }
        f.net.parametersChanged();
        return f;
    }

    /** @return the forecaster stored in {@code payload} by {@link #snapshot()} */
    public static FastForecaster restore(ForecasterSpec spec, byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        FastForecaster f;
        try {
            int version = in.getInt();
            if (version == 1) {
                f = new FastForecaster(spec.withUpdateEvery(1));
            } else if (version == PAYLOAD_VERSION) {
                f = new FastForecaster(spec.withUpdateEvery(in.getInt()).validate());
                f.pending = in.getInt();
                if (f.pending < 0 || f.pending >= f.spec.updateEvery()) {
                    throw new IllegalArgumentException("corrupt fast forecaster snapshot: pending points "
                            + f.pending + " out of 0.." + (f.spec.updateEvery() - 1));
                }
            } else {
                throw new IllegalArgumentException("unsupported fast forecaster payload version " + version);
            }
            f.updates = in.getLong();
            f.learningRateFactor = in.getDouble();
            f.adam.iteration = in.getLong();
            FloatArrays.get(in, f.net.params);
            FloatArrays.get(in, f.adam.m);
            FloatArrays.get(in, f.adam.v);
            FloatArrays.get(in, f.hCur);
            FloatArrays.get(in, f.cCur);
            f.ring.read(in);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt fast forecaster snapshot: truncated payload", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("corrupt fast forecaster snapshot: trailing bytes");
        }
        f.net.parametersChanged();
        return f;
    }

    @Override
    public int inputSize() {
        return spec.inputSize();
    }

    @Override
    public float observe(float[] features, float target) {
        ForecasterInputs.checkFeatures(features, spec.inputSize());
        ForecasterInputs.checkTarget(target);
        if (!Float.isNaN(target) && ring.size() > 0) {
            ring.labelNewest(target);
            train();
        }
        return step(features);
    }

    private void train() {
        if (++pending < spec.updateEvery()) {
            return;
        }
        int steps = Math.min(spec.bpttHorizon() + pending - 1, ring.size());
        pending = 0;
        int first = ring.loadNewest(steps, net.xs, net.targets);
        net.forward(steps, ring.hBefore(first), ring.cBefore(first));
        lastLoss = net.backward();
        net.finalState(hCur, cCur);
        adam.step(net.params, net.grads, spec.learningRate() * learningRateFactor);
        net.parametersChanged();
        updates++;
    }

    @Override
    public float predict(float[] features) {
        ForecasterInputs.checkFeatures(features, spec.inputSize());
        return step(features);
    }

    /** Reads checked features: keeps them in the window and advances the recurrent state. */
    private float step(float[] features) {
        ring.append(features, hCur, cCur);
        return net.step(features, hCur, cCur);
    }

    @Override
    public long updates() {
        return updates;
    }

    /** @return the summed squared error of the last update's m + k - 1 steps (before the step), NaN before any */
    public float lastLoss() {
        return lastLoss;
    }

    @Override
    public void scaleLearningRate(double factor) {
        ForecasterInputs.checkFactor(factor);
        learningRateFactor = factor;
    }

    @Override
    public void resetState() {
        for (int l = 0; l < hCur.length; l++) {
            Arrays.fill(hCur[l], 0f);
            Arrays.fill(cCur[l], 0f);
        }
        ring.clearStates();
        adam.reset();
    }

    @Override
    public byte[] snapshot() {
        int floats = 3 * net.parameterCount() + 2 * FloatArrays.count(hCur);
        ByteBuffer out = ByteBuffer.allocate(4 + 4 + 4 + 8 + 8 + 8 + 4 * floats + ring.serializedBytes());
        out.putInt(PAYLOAD_VERSION).putInt(spec.updateEvery()).putInt(pending).putLong(updates)
                .putDouble(learningRateFactor).putLong(adam.iteration);
        FloatArrays.put(out, net.params);
        FloatArrays.put(out, adam.m);
        FloatArrays.put(out, adam.v);
        FloatArrays.put(out, hCur);
        FloatArrays.put(out, cCur);
        ring.write(out);
        return Forecasters.envelope(spec, Arrays.copyOf(out.array(), out.position()));
    }

    /** Writes this forecaster's current weights into a reference network built from the same spec. */
    public void exportWeights(MultiLayerNetwork target) {
        Dl4jLayout.copyTo(net, target);
    }

    FastNetwork network() {
        return net;
    }

    @Override
    public void close() {
        // heap arrays only: nothing to free
    }
}
