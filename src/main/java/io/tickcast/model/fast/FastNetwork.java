package io.tickcast.model.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stacked LSTM layers and a linear regression head (one output per step). Computes a truncated sequence's
 * outputs, its squared-error loss (summed over the labelled steps, as DL4J's MSE with one output does) and
 * the exact gradient w.r.t. every parameter. Single-threaded; allocates nothing after construction.
 */
final class FastNetwork {

    final int inputSize;
    final int hidden;
    final LstmLayer[] layers;
    final float[] headWeights;
    final float[] headBias = new float[1];
    final float[] headWeightGrad;
    final float[] headBiasGrad = new float[1];
    /** Every parameter array, in a fixed order (layer by layer: W rows, RW rows, b; then head W, b). */
    final float[][] params;
    /** The gradient arrays, matching {@link #params}. */
    final float[][] grads;
    /** Inputs of the stored sequence: references to the caller's arrays, set before {@link #forward}. */
    final float[][] xs;
    /** Targets of the stored sequence (NaN: no loss at that step). */
    final float[] targets;
    final float[] outputs;
    private int steps;

    FastNetwork(int inputSize, int hidden, int layerCount, int maxSteps) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = new LstmLayer[layerCount];
        for (int l = 0; l < layerCount; l++) {
            layers[l] = new LstmLayer(l == 0 ? inputSize : hidden, hidden, maxSteps);
        }
        this.headWeights = new float[hidden];
        this.headWeightGrad = new float[hidden];
        List<float[]> p = new ArrayList<>();
        List<float[]> g = new ArrayList<>();
        for (LstmLayer layer : layers) {
            p.addAll(Arrays.asList(layer.weights));
            p.add(layer.bias);
            g.addAll(Arrays.asList(layer.weightGrad));
            g.add(layer.biasGrad);
        }
        p.add(headWeights);
        p.add(headBias);
        g.add(headWeightGrad);
        g.add(headBiasGrad);
        this.params = p.toArray(new float[0][]);
        this.grads = g.toArray(new float[0][]);
        this.xs = new float[maxSteps][];
        this.targets = new float[maxSteps];
        this.outputs = new float[maxSteps];
    }

    /** Must be called after the parameters change. */
    void parametersChanged() {
        for (LstmLayer layer : layers) {
            layer.transpose();
        }
    }

    /** Runs the {@code steps} inputs in {@link #xs} from the initial state {@code (h0[l], c0[l])}. */
    void forward(int steps, float[][] h0, float[][] c0) {
        this.steps = steps;
        for (int l = 0; l < layers.length; l++) {
            LstmLayer layer = layers[l];
            layer.setInitialState(h0[l], c0[l]);
            for (int s = 0; s < steps; s++) {
                layer.forward(l == 0 ? xs[s] : layers[l - 1].h[s + 1], s);
            }
        }
        float[][] top = layers[layers.length - 1].h;
        for (int s = 0; s < steps; s++) {
            outputs[s] = head(top[s + 1]);
        }
    }

    private float head(float[] hTop) {
        float y = headBias[0];
        for (int u = 0; u < hidden; u++) {
            y += headWeights[u] * hTop[u];
        }
        return y;
    }

    /**
     * Back-propagates the loss of the last {@link #forward} against {@link #targets} into {@link #grads}
     * (overwritten).
     *
     * @return the loss, the sum over labelled steps of (output - target)^2
     */
    float backward() {
        LstmLayer top = layers[layers.length - 1];
        Arrays.fill(headWeightGrad, 0f);
        headBiasGrad[0] = 0f;
        float loss = 0f;
        for (int s = 0; s < steps; s++) {
            float[] ext = top.dhExt[s];
            Arrays.fill(ext, 0f);
            float target = targets[s];
            if (Float.isNaN(target)) {
                continue;
            }
            float err = outputs[s] - target;
            loss += err * err;
            float dy = 2f * err;
            headBiasGrad[0] += dy;
            LstmLayer.axpy(dy, top.h[s + 1], headWeightGrad, hidden);
            LstmLayer.axpy(dy, headWeights, ext, hidden);
        }
        for (int l = layers.length - 1; l >= 0; l--) {
            LstmLayer layer = layers[l];
            layer.zeroGradients();
            if (l == 0) {
                layer.backward(xs, 0, steps, null);
            } else {
                LstmLayer below = layers[l - 1];
                for (int s = 0; s < steps; s++) {
                    Arrays.fill(below.dhExt[s], 0f);
                }
                layer.backward(below.h, 1, steps, below.dhExt);
            }
        }
        return loss;
    }

    /** Copies the state after the last step of the last {@link #forward} into {@code (h[l], c[l])}. */
    void finalState(float[][] h, float[][] c) {
        for (int l = 0; l < layers.length; l++) {
            System.arraycopy(layers[l].h[steps], 0, h[l], 0, hidden);
            System.arraycopy(layers[l].c[steps], 0, c[l], 0, hidden);
        }
    }

    /** One prediction step from state {@code (h[l], c[l])} (updated in place), returning the head's output. */
    float step(float[] x, float[][] h, float[][] c) {
        layers[0].step(x, h[0], c[0]);
        for (int l = 1; l < layers.length; l++) {
            layers[l].step(h[l - 1], h[l], c[l]);
        }
        return head(h[layers.length - 1]);
    }

    /** @return the number of parameters */
    int parameterCount() {
        int n = 0;
        for (float[] p : params) {
            n += p.length;
        }
        return n;
    }
}
