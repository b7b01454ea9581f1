package io.tickcast.model.fast;

import java.util.Arrays;

/**
 * One LSTM layer, DL4J semantics and gate order {@code [a (block input, tanh), f (forget), o (output),
 * i (input)]}, no peepholes. Weights are kept as one row of 4H floats per input unit and per recurrent unit,
 * and every buffer is its own array, so all inner loops are {@code y[j] += a * x[j]} from index 0: the form
 * C2 vectorises (with offsets into shared arrays it cannot rule out aliasing and stays scalar, 4x slower).
 * Holds the activations of up to {@code maxSteps} steps for back-propagation; allocates nothing after
 * construction.
 */
final class LstmLayer {

    final int nIn;
    final int hidden;
    private final int gateWidth;
    /** Rows 0..nIn-1: input weights W[i][0..4H); rows nIn..nIn+H-1: recurrent weights RW[i][0..4H). */
    final float[][] weights;
    final float[] bias;
    final float[][] weightGrad;
    final float[] biasGrad;
    /** Transposes for back-propagation: RW^T [4H][H] and W^T [4H][nIn]. */
    private final float[][] recurrentT;
    private final float[][] inputT;

    /** Activated gates per step. */
    private final float[][] gates;
    /** State before step s at [s]; after the last step at [steps]. */
    final float[][] c;
    final float[][] h;
    private final float[][] tanhC;
    /** Gradient arriving at each step's output from above (the head or the next layer). */
    final float[][] dhExt;
    private final float[] dz;
    private final float[] dhNext;
    private final float[] dcNext;
    private final float[] stepGates;

    LstmLayer(int nIn, int hidden, int maxSteps) {
        this.nIn = nIn;
        this.hidden = hidden;
        this.gateWidth = 4 * hidden;
        this.weights = new float[nIn + hidden][gateWidth];
        this.bias = new float[gateWidth];
        this.weightGrad = new float[nIn + hidden][gateWidth];
        this.biasGrad = new float[gateWidth];
        this.recurrentT = new float[gateWidth][hidden];
        this.inputT = new float[gateWidth][nIn];
        this.gates = new float[maxSteps][gateWidth];
        this.c = new float[maxSteps + 1][hidden];
        this.h = new float[maxSteps + 1][hidden];
        this.tanhC = new float[maxSteps][hidden];
        this.dhExt = new float[maxSteps][hidden];
        this.dz = new float[gateWidth];
        this.dhNext = new float[hidden];
        this.dcNext = new float[hidden];
        this.stepGates = new float[gateWidth];
    }

    /** Rebuilds the transposed weights used by back-propagation; call after the weights change. */
    void transpose() {
        for (int i = 0; i < nIn; i++) {
            float[] row = weights[i];
            for (int j = 0; j < gateWidth; j++) {
                inputT[j][i] = row[j];
            }
        }
        for (int i = 0; i < hidden; i++) {
            float[] row = weights[nIn + i];
            for (int j = 0; j < gateWidth; j++) {
                recurrentT[j][i] = row[j];
            }
        }
    }

    /** Sets the state before step 0 of the stored sequence. */
    void setInitialState(float[] h0, float[] c0) {
        System.arraycopy(h0, 0, h[0], 0, hidden);
        System.arraycopy(c0, 0, c[0], 0, hidden);
    }

    /** Forward step {@code s} of the stored sequence on input {@code x}. */
    void forward(float[] x, int s) {
        cell(x, gates[s], h[s], c[s], h[s + 1], c[s + 1], tanhC[s]);
    }

    /** One step outside the stored sequence, updating the state {@code (hs, cs)} in place. */
    void step(float[] x, float[] hs, float[] cs) {
        cell(x, stepGates, hs, cs, hs, cs, null);
    }

    private void cell(float[] x, float[] g, float[] hp, float[] cp, float[] hOut, float[] cOut, float[] tc) {
        System.arraycopy(bias, 0, g, 0, gateWidth);
        for (int i = 0; i < nIn; i++) {
            axpy(x[i], weights[i], g, gateWidth);
        }
        for (int i = 0; i < hidden; i++) {
            axpy(hp[i], weights[nIn + i], g, gateWidth);
        }
        int hd = hidden;
        for (int u = 0; u < hd; u++) {
            float a = DeterministicMath.tanh(g[u]);
            float f = DeterministicMath.sigmoid(g[hd + u]);
            float o = DeterministicMath.sigmoid(g[2 * hd + u]);
            float in = DeterministicMath.sigmoid(g[3 * hd + u]);
            g[u] = a;
            g[hd + u] = f;
            g[2 * hd + u] = o;
            g[3 * hd + u] = in;
            float cNew = f * cp[u] + in * a;
            float t = DeterministicMath.tanh(cNew);
            cOut[u] = cNew;
            hOut[u] = o * t;
            if (tc != null) {
                tc[u] = t;
            }
        }
    }

    /**
     * Back-propagates through the stored {@code steps}, accumulating into the gradients and, when {@code dxOut}
     * is not null, adding the gradient w.r.t. each step's input to {@code dxOut[s]}. The gradient w.r.t. the
     * initial state is dropped (truncation).
     *
     * @param inputs the inputs of the stored steps, {@code inputs[s + inputBase]} for step s
     */
    void backward(float[][] inputs, int inputBase, int steps, float[][] dxOut) {
        Arrays.fill(dhNext, 0f);
        Arrays.fill(dcNext, 0f);
        for (int s = steps - 1; s >= 0; s--) {
            gateGradients(s);
            axpy(1f, dz, biasGrad, gateWidth);
            float[] x = inputs[s + inputBase];
            for (int i = 0; i < nIn; i++) {
                axpy(x[i], dz, weightGrad[i], gateWidth);
            }
            float[] hp = h[s];
            for (int i = 0; i < hidden; i++) {
                axpy(hp[i], dz, weightGrad[nIn + i], gateWidth);
            }
            Arrays.fill(dhNext, 0f);
            for (int j = 0; j < gateWidth; j++) {
                axpy(dz[j], recurrentT[j], dhNext, hidden);
            }
            if (dxOut != null) {
                float[] dx = dxOut[s];
                for (int j = 0; j < gateWidth; j++) {
                    axpy(dz[j], inputT[j], dx, nIn);
                }
            }
        }
    }

    private void gateGradients(int s) {
        int hd = hidden;
        float[] g = gates[s];
        float[] tcs = tanhC[s];
        float[] cPrev = c[s];
        float[] ext = dhExt[s];
        for (int u = 0; u < hd; u++) {
            float a = g[u];
            float f = g[hd + u];
            float o = g[2 * hd + u];
            float in = g[3 * hd + u];
            float tc = tcs[u];
            float dh = ext[u] + dhNext[u];
            float dc = dh * o * (1f - tc * tc) + dcNext[u];
            dz[u] = dc * in * (1f - a * a);
            dz[hd + u] = dc * cPrev[u] * f * (1f - f);
            dz[2 * hd + u] = dh * tc * o * (1f - o);
            dz[3 * hd + u] = dc * a * in * (1f - in);
            dcNext[u] = dc * f;
        }
    }

    void zeroGradients() {
        for (float[] row : weightGrad) {
            Arrays.fill(row, 0f);
        }
        Arrays.fill(biasGrad, 0f);
    }

    /** {@code y[0..n) += a * x[0..n)}: same index on both arrays, so the JIT vectorises it. */
    static void axpy(float a, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }
}
