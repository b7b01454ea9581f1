package io.tickcast.model.fast;

import java.util.Arrays;

/**
 * Stacked LSTM layers and a linear regression head (one output per step) over one flat parameter array:
 * per layer {@code W[nIn][4H], RW[H][4H], b[4H]}, then the head {@code Wy[H], by}. Computes a truncated
 * sequence's outputs, its squared-error loss (summed over the labelled steps, as DL4J's MSE with one output)
 * and the exact gradient w.r.t. every parameter. Single-threaded; allocates nothing after construction.
 */
final class FastNetwork {

    final int inputSize;
    final int hidden;
    final int maxSteps;
    final LstmLayer[] layers;
    final float[] params;
    final float[] grad;
    private final float[] transposed;
    private final int offWy;
    private final int offBy;
    /** Inputs of the stored sequence, [steps][inputSize]. */
    final float[] xs;
    /** Targets of the stored sequence (NaN: no loss at that step). */
    final float[] targets;
    /** Outputs of the stored sequence. */
    final float[] outputs;
    private int steps;

    FastNetwork(int inputSize, int hidden, int layerCount, int maxSteps) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.maxSteps = maxSteps;
        this.layers = new LstmLayer[layerCount];
        int p = 0;
        int t = 0;
        int nIn = inputSize;
        for (int l = 0; l < layerCount; l++) {
            layers[l] = new LstmLayer(nIn, hidden, p, t, maxSteps);
            p += layers[l].paramCount;
            t += layers[l].transposedCount();
            nIn = hidden;
        }
        this.offWy = p;
        this.offBy = p + hidden;
        this.params = new float[p + hidden + 1];
        this.grad = new float[params.length];
        this.transposed = new float[t];
        this.xs = new float[maxSteps * inputSize];
        this.targets = new float[maxSteps];
        this.outputs = new float[maxSteps];
    }

    int headWeightIndex(int u) {
        return offWy + u;
    }

    int headBiasIndex() {
        return offBy;
    }

    /** Must be called after the parameters change. */
    void parametersChanged() {
        for (LstmLayer layer : layers) {
            layer.transpose(params, transposed);
        }
    }

    /**
     * Runs the {@code steps} inputs in {@link #xs} from the given initial state ({@code H} floats per layer,
     * layer-major at {@code stateOff}) and fills {@link #outputs}.
     */
    void forward(int steps, float[] h0, float[] c0, int stateOff) {
        this.steps = steps;
        for (int l = 0; l < layers.length; l++) {
            LstmLayer layer = layers[l];
            layer.setInitialState(h0, c0, stateOff + l * hidden);
            for (int s = 0; s < steps; s++) {
                if (l == 0) {
                    layer.forward(params, xs, s * inputSize, s);
                } else {
                    layer.forward(params, layers[l - 1].h, (s + 1) * hidden, s);
                }
            }
        }
        float[] top = layers[layers.length - 1].h;
        for (int s = 0; s < steps; s++) {
            outputs[s] = head(top, (s + 1) * hidden);
        }
    }

    private float head(float[] hTop, int off) {
        float y = params[offBy];
        for (int u = 0; u < hidden; u++) {
            y += params[offWy + u] * hTop[off + u];
        }
        return y;
    }

    /**
     * Back-propagates the loss of the last {@link #forward} against {@link #targets} into {@link #grad}
     * (overwritten).
     *
     * @return the loss, the sum over labelled steps of (output - target)^2
     */
    float backward() {
        Arrays.fill(grad, 0f);
        LstmLayer top = layers[layers.length - 1];
        Arrays.fill(top.dhExt, 0, steps * hidden, 0f);
        float loss = 0f;
        for (int s = 0; s < steps; s++) {
            float target = targets[s];
            if (Float.isNaN(target)) {
                continue;
            }
            float err = outputs[s] - target;
            loss += err * err;
            float dy = 2f * err;
            grad[offBy] += dy;
            LstmLayer.axpy(dy, top.h, (s + 1) * hidden, grad, offWy, hidden);
            LstmLayer.axpy(dy, params, offWy, top.dhExt, s * hidden, hidden);
        }
        for (int l = layers.length - 1; l >= 0; l--) {
            LstmLayer layer = layers[l];
            if (l == 0) {
                layer.backward(transposed, grad, xs, inputSize, 0, steps, null);
            } else {
                LstmLayer below = layers[l - 1];
                Arrays.fill(below.dhExt, 0, steps * hidden, 0f);
                layer.backward(transposed, grad, below.h, hidden, hidden, steps, below.dhExt);
            }
        }
        return loss;
    }

    /** Copies the state after the last step of the last {@link #forward} into {@code (h, c)} at layer-major offsets. */
    void finalState(float[] h, float[] c) {
        for (int l = 0; l < layers.length; l++) {
            System.arraycopy(layers[l].h, steps * hidden, h, l * hidden, hidden);
            System.arraycopy(layers[l].c, steps * hidden, c, l * hidden, hidden);
        }
    }

    /** One prediction step from state {@code (h, c)} (updated in place), returning the head's output. */
    float step(float[] x, int xOff, float[] h, float[] c) {
        layers[0].step(params, x, xOff, h, c, 0);
        for (int l = 1; l < layers.length; l++) {
            layers[l].step(params, h, (l - 1) * hidden, h, c, l * hidden);
        }
        return head(h, (layers.length - 1) * hidden);
    }
}
