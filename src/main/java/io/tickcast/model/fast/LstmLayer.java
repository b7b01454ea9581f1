package io.tickcast.model.fast;

/**
 * One LSTM layer over a flat parameter array, DL4J semantics and gate order {@code [a (block input, tanh),
 * f (forget), o (output), i (input)]}, no peepholes. Parameters are kept row-major per input unit
 * ({@code W[i][0..4H)}), so every matrix-vector product is an axpy over 4H contiguous floats that the JIT
 * vectorises. Holds the activations of up to {@code maxSteps} steps for back-propagation; allocates nothing
 * after construction.
 */
final class LstmLayer {

    final int nIn;
    final int hidden;
    final int paramOffset;
    final int paramCount;
    private final int gateWidth;
    private final int offWx;
    private final int offWh;
    private final int offB;
    /** Offsets in the transposed-weights array: Wx^T [4H][nIn] then Wh^T [4H][H]. */
    private final int tOffWx;
    private final int tOffWh;

    /** Activated gates per step, [steps][4H]. */
    private final float[] gates;
    /** Cell state before step s at [s], after the last step at [steps]: [(steps+1)][H]. */
    final float[] c;
    /** Hidden output, same indexing as {@link #c}. */
    final float[] h;
    /** tanh(c) after step s, [steps][H]. */
    private final float[] tanhC;
    /** Gradient arriving at each step's output from above (head or upper layer), [steps][H]. */
    final float[] dhExt;
    private final float[] dz;
    private final float[] dhNext;
    private final float[] dcNext;
    private final float[] stepGates;

    LstmLayer(int nIn, int hidden, int paramOffset, int transposedOffset, int maxSteps) {
        this.nIn = nIn;
        this.hidden = hidden;
        this.gateWidth = 4 * hidden;
        this.paramOffset = paramOffset;
        this.offWx = paramOffset;
        this.offWh = offWx + nIn * gateWidth;
        this.offB = offWh + hidden * gateWidth;
        this.paramCount = (nIn + hidden + 1) * gateWidth;
        this.tOffWx = transposedOffset;
        this.tOffWh = transposedOffset + nIn * gateWidth;
        this.gates = new float[maxSteps * gateWidth];
        this.c = new float[(maxSteps + 1) * hidden];
        this.h = new float[(maxSteps + 1) * hidden];
        this.tanhC = new float[maxSteps * hidden];
        this.dhExt = new float[maxSteps * hidden];
        this.dz = new float[gateWidth];
        this.dhNext = new float[hidden];
        this.dcNext = new float[hidden];
        this.stepGates = new float[gateWidth];
    }

    /** @return the number of floats of the transposed copy this layer needs */
    int transposedCount() {
        return (nIn + hidden) * gateWidth;
    }

    /** Index of W[i][j] (input unit i, gate column j) in the parameter array. */
    int inputWeightIndex(int i, int j) {
        return offWx + i * gateWidth + j;
    }

    int recurrentWeightIndex(int i, int j) {
        return offWh + i * gateWidth + j;
    }

    int biasIndex(int j) {
        return offB + j;
    }

    /** Rebuilds the transposed weights used by back-propagation from the current parameters. */
    void transpose(float[] p, float[] t) {
        for (int i = 0; i < nIn; i++) {
            for (int j = 0; j < gateWidth; j++) {
                t[tOffWx + j * nIn + i] = p[offWx + i * gateWidth + j];
            }
        }
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < gateWidth; j++) {
                t[tOffWh + j * hidden + i] = p[offWh + i * gateWidth + j];
            }
        }
    }

    /** Sets the state before step 0 of the stored sequence. */
    void setInitialState(float[] hSrc, float[] cSrc, int off) {
        System.arraycopy(hSrc, off, h, 0, hidden);
        System.arraycopy(cSrc, off, c, 0, hidden);
    }

    /** Forward step {@code s} of the stored sequence; x at {@code x[xOff..xOff+nIn)}. */
    void forward(float[] p, float[] x, int xOff, int s) {
        cell(p, x, xOff, gates, s * gateWidth, h, s * hidden, c, s * hidden,
                h, (s + 1) * hidden, c, (s + 1) * hidden, tanhC, s * hidden);
    }

    /** One step outside the stored sequence, updating the state {@code (hs, cs)} at {@code off} in place. */
    void step(float[] p, float[] x, int xOff, float[] hs, float[] cs, int off) {
        cell(p, x, xOff, stepGates, 0, hs, off, cs, off, hs, off, cs, off, null, 0);
    }

    private void cell(float[] p, float[] x, int xOff, float[] g, int gOff, float[] hp, int hpOff,
                      float[] cp, int cpOff, float[] hOut, int hOutOff, float[] cOut, int cOutOff,
                      float[] tc, int tcOff) {
        System.arraycopy(p, offB, g, gOff, gateWidth);
        for (int i = 0; i < nIn; i++) {
            axpy(x[xOff + i], p, offWx + i * gateWidth, g, gOff, gateWidth);
        }
        for (int i = 0; i < hidden; i++) {
            axpy(hp[hpOff + i], p, offWh + i * gateWidth, g, gOff, gateWidth);
        }
        int hd = hidden;
        for (int u = 0; u < hd; u++) {
            float a = DeterministicMath.tanh(g[gOff + u]);
            float f = DeterministicMath.sigmoid(g[gOff + hd + u]);
            float o = DeterministicMath.sigmoid(g[gOff + 2 * hd + u]);
            float in = DeterministicMath.sigmoid(g[gOff + 3 * hd + u]);
            g[gOff + u] = a;
            g[gOff + hd + u] = f;
            g[gOff + 2 * hd + u] = o;
            g[gOff + 3 * hd + u] = in;
            float cNew = f * cp[cpOff + u] + in * a;
            float t = DeterministicMath.tanh(cNew);
            cOut[cOutOff + u] = cNew;
            hOut[hOutOff + u] = o * t;
            if (tc != null) {
                tc[tcOff + u] = t;
            }
        }
    }

    /**
     * Back-propagates through the stored {@code steps}, accumulating into {@code grad} (same layout as the
     * parameters) and, when {@code dxOut} is not null, adding the gradient w.r.t. each step's input to
     * {@code dxOut[s * nIn ..]}. The gradient w.r.t. the initial state is dropped (truncation).
     */
    void backward(float[] t, float[] grad, float[] x, int xStride, int xBase, int steps, float[] dxOut) {
        java.util.Arrays.fill(dhNext, 0f);
        java.util.Arrays.fill(dcNext, 0f);
        int hd = hidden;
        for (int s = steps - 1; s >= 0; s--) {
            gateGradients(s);
            axpy(1f, dz, 0, grad, offB, gateWidth);
            int xOff = xBase + s * xStride;
            for (int i = 0; i < nIn; i++) {
                axpy(x[xOff + i], dz, 0, grad, offWx + i * gateWidth, gateWidth);
            }
            int hpOff = s * hd;
            for (int i = 0; i < hd; i++) {
                axpy(h[hpOff + i], dz, 0, grad, offWh + i * gateWidth, gateWidth);
            }
            java.util.Arrays.fill(dhNext, 0f);
            for (int j = 0; j < gateWidth; j++) {
                axpy(dz[j], t, tOffWh + j * hd, dhNext, 0, hd);
            }
            if (dxOut != null) {
                for (int j = 0; j < gateWidth; j++) {
                    axpy(dz[j], t, tOffWx + j * nIn, dxOut, s * nIn, nIn);
                }
            }
        }
    }

    private void gateGradients(int s) {
        int hd = hidden;
        int gOff = s * gateWidth;
        for (int u = 0; u < hd; u++) {
            float a = gates[gOff + u];
            float f = gates[gOff + hd + u];
            float o = gates[gOff + 2 * hd + u];
            float in = gates[gOff + 3 * hd + u];
            float tc = tanhC[s * hd + u];
            float dh = dhExt[s * hd + u] + dhNext[u];
            float dc = dh * o * (1f - tc * tc) + dcNext[u];
            dz[u] = dc * in * (1f - a * a);
            dz[hd + u] = dc * c[s * hd + u] * f * (1f - f);
            dz[2 * hd + u] = dh * tc * o * (1f - o);
            dz[3 * hd + u] = dc * a * in * (1f - in);
            dcNext[u] = dc * f;
        }
    }

    static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += a * x[xOff + j];
        }
    }
}
