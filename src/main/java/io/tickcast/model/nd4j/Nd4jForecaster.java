package io.tickcast.model.nd4j;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.tickcast.model.ForecasterInputs;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.dl4j.Dl4jNetworks;
import io.tickcast.model.fast.FloatArrays;
import io.tickcast.model.fast.PointRing;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.LongPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueContext;

/**
 * The engine in which ND4J does the model math per point: the same test-then-train update as the fast engine
 * (truncated back-propagation through the last k points from the state stored k points back, one Adam step, one
 * forward step on the new point), computed by ND4J ops. The LSTM steps are ND4J's single-step {@code lstmLayerCell}
 * and {@code lstmLayerCellBp} ops, the only LSTM ops of 1.0.0-M2.1 that leak no native memory (the sequence ops
 * {@code lstmLayer} and {@code lstmLayer_bp} do; BENCHMARKS.md). Their op contexts are built once for every step
 * of the horizon and reused, and so are those of every other op: the head ({@code matmul}, {@code add}), the loss
 * gradient, ND4J's {@code adam_updater} on the flat gradient, the parameter step: no op creates a context or an
 * array per point (only Adam's step number and rate are passed per update).
 * About 2,200 updates/s at k = 8 and 8,200 at k = 1 on one core, 15x slower than the fast engine at k = 8
 * (BENCHMARKS.md). Instances on different threads of one process do not run in parallel: the cell ops create
 * temporaries inside libnd4j under its process-wide {@code MemoryCounter} and {@code ConstantShapeHelper} locks;
 * instances in different processes do (1.98x on two cores).
 *
 * <p>One LSTM layer, one optimizer step per labelled point ({@code updateEvery} 1). Weights start from the seeded
 * DL4J initialisation of the reference network, with its gates reordered to ND4J's {@code [input, forget, cell,
 * output]}. Not thread-safe.
 */
public final class Nd4jForecaster implements OnlineForecaster {

    private static final int PAYLOAD_VERSION = 1;
    /** ND4J's native entry points; the backend is loaded first ({@code Nd4j}'s initialisation), as they need it. */
    private static final NativeOps NATIVE = nativeOps();
    /** Sigmoid gates, tanh cell and output activations (libnd4j's activation codes 2 and 0). */
    private static final long[] ACTIVATIONS = {2, 0, 0};
    /** DL4J's gate blocks are [cell input, forget, output, input]; ND4J's block g takes DL4J's block DL4J_BLOCK[g]. */
    private static final int[] DL4J_BLOCK = {3, 1, 0, 2};

    private final ForecasterSpec spec;
    private final int nIn;
    private final int hidden;
    private final int k;
    private final DynamicCustomOp cellOp = op("lstmLayerCell");
    private final DynamicCustomOp cellBpOp = op("lstmLayerCellBp");
    private final DynamicCustomOp matmulOp = op("matmul");
    private final DynamicCustomOp addOp = op("add");
    private final DynamicCustomOp subtractOp = op("subtract");
    private final DynamicCustomOp multiplyOp = op("multiply");
    private final DynamicCustomOp assignOp = op("assign");
    private final DynamicCustomOp adamOp = op("adam_updater");
    private final INDArray params;
    private final INDArray grads;
    private final INDArray adamState;
    /** ND4J's {@code adam_updater} on the flat gradient, in place; its step number and rate are set per update. */
    private final OpContext adamStep;
    /** The native context of {@link #adamStep}, which its arguments are handed to. */
    private final OpaqueContext adamContext;
    /**
     * Adam's rate (set per update), betas and epsilon (set once), and its step number, handed to
     * {@link #adamContext} per update from these two pointers. {@code OpContext.setTArguments}/{@code setIArguments}
     * would allocate two JavaCPP pointers per call, freed only when a GC finds them: over a million updates with a
     * large, quiet heap they held 20 MiB of native memory and 90 MiB of heap until the next GC (BENCHMARKS.md).
     * libnd4j copies the values.
     */
    private final DoublePointer adamArguments = new DoublePointer(0.0, Dl4jNetworks.BETA1, Dl4jNetworks.BETA2,
            Dl4jNetworks.EPSILON);
    private final LongPointer adamIteration = new LongPointer(1);
    private final OpContext parameterStep;
    private final OpContext zeroLstmGrads;
    private final OpContext zeroCarries;
    /** Per number of steps s in 1..k: the head and the loss gradient over the first s steps. */
    private final Head[] heads;
    /** Per carried-state buffer and s: copies of the state after step s into that buffer. */
    private final OpContext[][] keepH;
    private final OpContext[][] keepC;
    private final OpContext[] predictHead;
    private final OpContext[] predictBias;
    private final INDArray wx;
    private final INDArray wr;
    private final INDArray bias;
    private final INDArray headW;
    private final INDArray headB;
    /** Inputs of the k steps, {@code [k, 1, nIn]}; states {@code [k + 1, 1, H]}, index 0 the state before step 0. */
    private final INDArray x;
    private final INDArray h;
    private final INDArray c;
    private final INDArray targets;
    /** 2 where a step has a target, 0 where not: the squared error's gradient factor. */
    private final INDArray weights;
    private final OpContext[] forward;
    private final OpContext[] backward;
    /** The carried state and the state after the next step, swapped after each step. */
    private final INDArray[] state;
    private final OpContext[] predictStep;
    private final INDArray stepInput;
    private final INDArray prediction;
    private int current;
    private final PointRing ring;
    private final float[][] xs;
    private final float[] ts;
    private final float[][] hJava;
    private final float[][] cJava;
    private long updates;
    private int iteration;
    private double learningRateFactor = 1.0;

    private Nd4jForecaster(ForecasterSpec spec) {
        this.spec = spec;
        this.nIn = spec.inputSize();
        this.hidden = spec.hiddenSize();
        this.k = spec.bpttHorizon();
        int gates = 4 * hidden;
        int w = nIn * gates;
        int r = w + hidden * gates;
        int lstmCount = r + gates;
        int count = lstmCount + hidden + 1;
        params = Nd4j.zeros(DataType.FLOAT, 1, count);
        grads = Nd4j.zeros(DataType.FLOAT, 1, count);
        wx = part(params, 0, w, nIn, gates);
        wr = part(params, w, r, hidden, gates);
        bias = part(params, r, lstmCount, gates);
        headW = part(params, lstmCount, lstmCount + hidden, hidden, 1);
        headB = part(params, lstmCount + hidden, count, 1, 1);
        INDArray lstmGrads = part(grads, 0, lstmCount, lstmCount);
        INDArray dwx = part(grads, 0, w, nIn, gates);
        INDArray dwr = part(grads, w, r, hidden, gates);
        INDArray db = part(grads, r, lstmCount, gates);
        INDArray headWGrad = part(grads, lstmCount, lstmCount + hidden, hidden, 1);
        INDArray headBGrad = part(grads, lstmCount + hidden, count, 1, 1);
        adamState = Nd4j.zeros(DataType.FLOAT, 1, 2 * count);
        INDArray adamM = part(adamState, 0, count, 1, count);
        INDArray adamV = part(adamState, count, 2 * count, 1, count);
        adamStep = Nd4j.getExecutioner().buildContext();
        adamStep.setInputArrays(grads, adamV, adamM);
        adamStep.setOutputArrays(grads, adamV, adamM);
        adamContext = (OpaqueContext) adamStep.contextPointer();
        parameterStep = context(new INDArray[] {params, grads}, params);

        x = Nd4j.zeros(DataType.FLOAT, k, 1, nIn);
        h = Nd4j.zeros(DataType.FLOAT, k + 1, 1, hidden);
        c = Nd4j.zeros(DataType.FLOAT, k + 1, 1, hidden);
        INDArray carries = Nd4j.zeros(DataType.FLOAT, 2, 1, hidden);
        INDArray dLdh = Nd4j.zeros(DataType.FLOAT, k, 1, hidden);
        INDArray dx = Nd4j.zeros(DataType.FLOAT, k, 1, nIn);
        INDArray out = Nd4j.zeros(DataType.FLOAT, k, 1);
        INDArray dyAll = Nd4j.zeros(DataType.FLOAT, k, 1);
        targets = Nd4j.zeros(DataType.FLOAT, k, 1);
        weights = Nd4j.zeros(DataType.FLOAT, k, 1);
        INDArray hRows = h.reshape('c', k + 1, hidden);
        INDArray dLdhAll = dLdh.reshape('c', k, hidden);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, k);
        heads = new Head[k + 1];
        for (int s = 1; s <= k; s++) {
            INDArray hTop = hRows.get(NDArrayIndex.interval(1, s + 1), NDArrayIndex.all());
            INDArray outputs = firstRows(out, s);
            INDArray dy = firstRows(dyAll, s);
            heads[s] = new Head(matmul(hTop, headW, outputs, false, false),
                    context(new INDArray[] {outputs, headB}, outputs),
                    context(new INDArray[] {outputs, firstRows(targets, s)}, dy),
                    context(new INDArray[] {dy, firstRows(weights, s)}, dy),
                    matmul(hTop, dy, headWGrad, true, false),
                    matmul(ones.get(NDArrayIndex.all(), NDArrayIndex.interval(0, s)), dy, headBGrad, false, false),
                    matmul(dy, headW, firstRows(dLdhAll, s), false, true));
        }
        zeroLstmGrads = context(new INDArray[] {lstmGrads, Nd4j.zeros(DataType.FLOAT, lstmCount)}, lstmGrads);
        zeroCarries = context(new INDArray[] {carries, Nd4j.zeros(DataType.FLOAT, 2, 1, hidden)}, carries);
        forward = new OpContext[k];
        backward = new OpContext[k];
        for (int t = 0; t < k; t++) {
            forward[t] = context(new INDArray[] {x.slice(t), wx, wr, bias, h.slice(t), c.slice(t)},
                    h.slice(t + 1), c.slice(t + 1));
            backward[t] = context(new INDArray[] {x.slice(t), wx, wr, bias, h.slice(t), c.slice(t), dLdh.slice(t)},
                    dx.slice(t), dwx, dwr, db, carries.slice(0), carries.slice(1));
        }
        state = new INDArray[] {Nd4j.zeros(DataType.FLOAT, 2, 1, hidden), Nd4j.zeros(DataType.FLOAT, 2, 1, hidden)};
        stepInput = Nd4j.zeros(DataType.FLOAT, 1, nIn);
        prediction = Nd4j.zeros(DataType.FLOAT, 1, 1);
        predictStep = new OpContext[2];
        predictHead = new OpContext[2];
        predictBias = new OpContext[2];
        keepH = new OpContext[2][k + 1];
        keepC = new OpContext[2][k + 1];
        for (int i = 0; i < 2; i++) {
            INDArray from = state[i];
            INDArray to = state[1 - i];
            predictStep[i] = context(new INDArray[] {stepInput, wx, wr, bias, from.slice(0), from.slice(1)},
                    to.slice(0), to.slice(1));
            predictHead[i] = matmul(to.slice(0), headW, prediction, false, false);
            predictBias[i] = context(new INDArray[] {prediction, headB}, prediction);
            for (int s = 1; s <= k; s++) {
                keepH[i][s] = context(new INDArray[] {from.slice(0), h.slice(s)}, from.slice(0));
                keepC[i][s] = context(new INDArray[] {from.slice(1), c.slice(s)}, from.slice(1));
            }
        }
        ring = new PointRing(spec.window(), nIn, 1, hidden);
        xs = new float[k][];
        ts = new float[k];
        hJava = new float[1][hidden];
        cJava = new float[1][hidden];
    }

    /** @return a fresh forecaster with the seeded DL4J initial weights of the reference network */
    public static Nd4jForecaster create(ForecasterSpec spec) {
        Nd4jForecaster f = new Nd4jForecaster(spec.withEngine(ForecasterSpec.ND4J_ENGINE).validate());
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        try {
            f.readDl4jWeights(reference);
        } finally {
            reference.close();
        }
        return f;
    }

    /** @return the forecaster stored in {@code payload} by {@link #snapshot()} */
    public static Nd4jForecaster restore(ForecasterSpec spec, byte[] payload) {
        Dl4jNetworks.useOneNd4jThread(); // as create does, through Dl4jNetworks.create
        Nd4jForecaster f = new Nd4jForecaster(spec.withEngine(ForecasterSpec.ND4J_ENGINE).validate());
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int version = in.getInt();
            if (version != PAYLOAD_VERSION) {
                throw new IllegalArgumentException("unsupported nd4j forecaster payload version " + version);
            }
            f.updates = in.getLong();
            f.learningRateFactor = in.getDouble();
            f.iteration = in.getInt();
            getFloats(in, f.params);
            getFloats(in, f.adamState);
            getFloats(in, f.state[0]);
            f.ring.read(in);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt nd4j forecaster snapshot: truncated payload", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("corrupt nd4j forecaster snapshot: trailing bytes");
        }
        return f;
    }

    private static INDArray part(INDArray flat, int from, int to, long... shape) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)).reshape('c', shape);
    }

    /**
     * The ops over the first s steps, in the order {@link #train} runs them: the head's outputs, plus its bias; the
     * error against the targets, times 2 or 0 (labelled or not); the head's weight and bias gradients; dL/dh.
     */
    private record Head(OpContext output, OpContext bias, OpContext error, OpContext weighted, OpContext weightGrad,
                        OpContext biasGrad, OpContext dLdh) {
    }

    private static INDArray firstRows(INDArray matrix, int rows) {
        return matrix.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
    }

    private static DynamicCustomOp op(String name) {
        return DynamicCustomOp.builder(name).build();
    }

    private static OpContext matmul(INDArray a, INDArray b, INDArray out, boolean transposeA, boolean transposeB) {
        OpContext ctx = Nd4j.getExecutioner().buildContext();
        ctx.setInputArrays(a, b);
        ctx.setOutputArrays(out);
        ctx.setIArguments(transposeA ? 1 : 0, transposeB ? 1 : 0, 0);
        ctx.setTArguments(1.0, 0.0);
        return ctx;
    }

    private static NativeOps nativeOps() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }

    /**
     * Runs the op on its context through ND4J's native entry point, {@code execCustomOp2}, as
     * {@code NativeOpExecutioner.exec(op, context)} does, without that method's per-call Java work (profiling hooks,
     * lists of the context's arrays, the returned array): about 23 KB of garbage per update otherwise.
     */
    private static void exec(DynamicCustomOp op, OpContext ctx) {
        int status = NATIVE.execCustomOp2(null, op.opHash(), ctx.contextPointer());
        if (NATIVE.lastErrorCode() != 0) {
            throw new IllegalStateException("ND4J op " + op.opName() + " failed: " + NATIVE.lastErrorMessage());
        }
        if (status != 0) {
            throw new IllegalStateException("ND4J op " + op.opName() + " failed with status " + status);
        }
    }

    private static OpContext context(INDArray[] inputs, INDArray... outputs) {
        OpContext ctx = Nd4j.getExecutioner().buildContext();
        ctx.setInputArrays(inputs);
        ctx.setOutputArrays(outputs);
        ctx.setIArguments(ACTIVATIONS);
        ctx.setBArguments(true, false); // biases, no peepholes
        ctx.setTArguments(0.0); // no cell clipping
        return ctx;
    }

    /** Copies DL4J's {@code 0_W}, {@code 0_RW}, {@code 0_b}, {@code 1_W}, {@code 1_b} with the gates reordered. */
    private void readDl4jWeights(MultiLayerNetwork reference) {
        copyGates(reference.getParam("0_W").reshape('c', nIn, 4L * hidden), wx);
        copyGates(reference.getParam("0_RW").reshape('c', hidden, 4L * hidden), wr);
        copyGates(reference.getParam("0_b").reshape('c', 1, 4L * hidden), bias.reshape('c', 1, 4L * hidden));
        float[] w = reference.getParam("1_W").toFloatVector();
        for (int u = 0; u < hidden; u++) {
            headW.putScalar(u, 0, w[u]);
        }
        headB.putScalar(0, 0, reference.getParam("1_b").getFloat(0));
    }

    private void copyGates(INDArray dl4j, INDArray nd4j) {
        for (int g = 0; g < 4; g++) {
            nd4j.get(NDArrayIndex.all(), NDArrayIndex.interval(g * hidden, (g + 1) * hidden))
                    .assign(dl4j.get(NDArrayIndex.all(),
                            NDArrayIndex.interval(DL4J_BLOCK[g] * hidden, (DL4J_BLOCK[g] + 1) * hidden)));
        }
    }

    @Override
    public int inputSize() {
        return nIn;
    }

    @Override
    public float observe(float[] features, float target) {
        ForecasterInputs.checkFeatures(features, nIn);
        ForecasterInputs.checkTarget(target);
        if (!Float.isNaN(target) && ring.size() > 0) {
            ring.labelNewest(target);
            train();
        }
        return step(features);
    }

    /** Back-propagates the last s labelled steps from the state stored s points back; one Adam step. */
    private void train() {
        int s = Math.min(k, ring.size());
        int first = ring.loadNewest(s, xs, ts);
        for (int t = 0; t < s; t++) {
            float[] row = xs[t];
            for (int i = 0; i < nIn; i++) {
                x.putScalar(t, 0, i, row[i]);
            }
            boolean labelled = !Float.isNaN(ts[t]);
            targets.putScalar(t, 0, labelled ? ts[t] : 0f);
            weights.putScalar(t, 0, labelled ? 2f : 0f);
        }
        float[] h0 = ring.hBefore(first)[0];
        float[] c0 = ring.cBefore(first)[0];
        for (int u = 0; u < hidden; u++) {
            h.putScalar(0, 0, u, h0[u]);
            c.putScalar(0, 0, u, c0[u]);
        }
        for (int t = 0; t < s; t++) {
            exec(cellOp, forward[t]);
        }
        Head head = heads[s];
        exec(matmulOp, head.output());
        exec(addOp, head.bias());
        exec(subtractOp, head.error());
        exec(multiplyOp, head.weighted());
        exec(matmulOp, head.weightGrad());
        exec(matmulOp, head.biasGrad());
        exec(matmulOp, head.dLdh());
        exec(assignOp, zeroLstmGrads);
        exec(assignOp, zeroCarries);
        for (int t = s - 1; t >= 0; t--) {
            exec(cellBpOp, backward[t]);
        }
        exec(assignOp, keepH[current][s]);
        exec(assignOp, keepC[current][s]);
        adamArguments.put(0, spec.learningRate() * learningRateFactor);
        adamIteration.put(0, iteration++);
        NATIVE.setGraphContextTArguments(adamContext, adamArguments, 4);
        NATIVE.setGraphContextIArguments(adamContext, adamIteration, 1);
        exec(adamOp, adamStep);
        exec(subtractOp, parameterStep);
        updates++;
    }

    @Override
    public float predict(float[] features) {
        ForecasterInputs.checkFeatures(features, nIn);
        return step(features);
    }

    /** Keeps the point and its state before in the window, advances the carried state, returns the head's output. */
    private float step(float[] features) {
        INDArray from = state[current];
        DataBuffer carried = from.data(); // [2, 1, H] in 'c' order, its own buffer: h at u, c at H + u
        for (int u = 0; u < hidden; u++) {
            hJava[0][u] = carried.getFloat(u);
            cJava[0][u] = carried.getFloat(hidden + u);
        }
        ring.append(features, hJava, cJava);
        for (int i = 0; i < nIn; i++) {
            stepInput.putScalar(0, i, features[i]);
        }
        exec(cellOp, predictStep[current]);
        exec(matmulOp, predictHead[current]);
        exec(addOp, predictBias[current]);
        current = 1 - current;
        return prediction.data().getFloat(0);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public void scaleLearningRate(double factor) {
        ForecasterInputs.checkFactor(factor);
        learningRateFactor = factor;
    }

    @Override
    public void resetState() {
        state[current].assign(0);
        ring.clearStates();
        adamState.assign(0);
        iteration = 0;
    }

    @Override
    public byte[] snapshot() {
        ByteBuffer out = ByteBuffer.allocate(4 + 8 + 8 + 4
                + 4 * (int) (params.length() + adamState.length() + state[current].length()) + ring.serializedBytes());
        out.putInt(PAYLOAD_VERSION).putLong(updates).putDouble(learningRateFactor).putInt(iteration);
        putFloats(out, params);
        putFloats(out, adamState);
        putFloats(out, state[current]);
        ring.write(out);
        return Forecasters.envelope(spec, Arrays.copyOf(out.array(), out.position()));
    }

    private static void putFloats(ByteBuffer out, INDArray a) {
        FloatArrays.put(out, a.data().asFloat());
    }

    private static void getFloats(ByteBuffer in, INDArray a) {
        float[] values = new float[(int) a.length()];
        FloatArrays.get(in, values);
        a.assign(Nd4j.createFromArray(values).reshape(a.shape()));
    }

    /** @return a copy of every parameter, flattened (LSTM input and recurrent weights, bias, head), for tests */
    float[] parameters() {
        return params.data().asFloat();
    }

    @Override
    public void close() {
        for (INDArray a : new INDArray[] {params, grads, adamState, x, h, c, targets, weights,
                state[0], state[1], stepInput, prediction}) {
            a.close();
        }
        adamArguments.close();
        adamIteration.close();
    }
}
