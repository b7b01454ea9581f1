package io.tickcast.model.leak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.NativeMemory;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.dl4j.Dl4jNetworks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What one test-then-train update of the reference model costs when ND4J does the math per point by the only
 * leak-free calling pattern of 1.0.0-M2.1 ({@link LstmCellLoop}: single-step {@code lstmLayerCell} and
 * {@code lstmLayerCellBp} ops), with every array pre-allocated and every LSTM op context built once and reused,
 * and, in the same run, what the fast engine's {@code observe} costs for the same work. A diagnostic main, not a
 * test (System.out, like {@code io.tickcast.model.LstmLayerBpLeakRepro}).
 *
 * <p>One update is the sequence the fast engine runs, as ND4J ops: k forward cell steps from the stored state, the
 * regression head over the k outputs ({@code gemm}), the squared error's gradient, the head's gradients and the
 * gradient flowing into the k steps ({@code gemm}), the k backward cell steps, ND4J's Adam on the flat gradient
 * and the parameter step; then one forward cell step and the head for the prediction: 2k + 15 op calls. It times
 * the sequence, not the values: the inputs are random, and {@code LstmCellLoopCheck} checks the backward pattern
 * against {@code lstmLayer_bp}.
 *
 * <p>Arguments: {@code k updates rounds} (defaults 8, 5000, 5). Prints, per round, the microseconds per update of
 * both, the time in the backward cell steps, the Java objects the ND4J calls allocate per update, the resident
 * set size, the bytes JavaCPP tracks (ND4J's native arrays and objects) and the heap in use.
 */
public final class Nd4jUpdateCostProbe {

    private static final int N_IN = 5;
    private static final int HIDDEN = 32;
    private static final double MIB = 1024.0 * 1024.0;

    private final int k;
    private final DynamicCustomOp forwardOp = cellOp("lstmLayerCell");
    private final DynamicCustomOp backwardOp = cellOp("lstmLayerCellBp");
    private final OpContext[] forward;
    private final OpContext[] backward;
    private final OpContext predictStep;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray lstmGrads;
    private final INDArray carries;
    private final INDArray headW;
    private final INDArray headB;
    private final INDArray headWGrad;
    private final INDArray headBGrad;
    private final INDArray outputs;
    private final INDArray targets;
    private final INDArray dy;
    private final INDArray hTop;
    private final INDArray dLdh;
    private final INDArray dLdhRows;
    private final INDArray hPredict;
    private final INDArray prediction;
    private final GradientUpdater<?> adam;
    private int iteration;
    /** Time spent in the k backward cell steps, summed over updates. */
    private long backwardNanos;

    private Nd4jUpdateCostProbe(int k) {
        this.k = k;
        int gates = 4 * HIDDEN;
        int lstmCount = N_IN * gates + HIDDEN * gates + gates;
        int count = lstmCount + HIDDEN + 1;
        params = Nd4j.rand(DataType.FLOAT, 1, count).subi(0.5).muli(0.2);
        grads = Nd4j.zeros(DataType.FLOAT, 1, count);
        int w = N_IN * gates;
        int r = w + HIDDEN * gates;
        INDArray wx = part(params, 0, w, N_IN, gates);
        INDArray wr = part(params, w, r, HIDDEN, gates);
        INDArray b = part(params, r, lstmCount, gates);
        headW = part(params, lstmCount, lstmCount + HIDDEN, HIDDEN, 1);
        headB = part(params, lstmCount + HIDDEN, count, 1, 1);
        lstmGrads = part(grads, 0, lstmCount, lstmCount);
        INDArray dwx = part(grads, 0, w, N_IN, gates);
        INDArray dwr = part(grads, w, r, HIDDEN, gates);
        INDArray db = part(grads, r, lstmCount, gates);
        headWGrad = part(grads, lstmCount, lstmCount + HIDDEN, HIDDEN, 1);
        headBGrad = part(grads, lstmCount + HIDDEN, count, 1, 1);
        requireViews(params, wx, wr, b, headW, headB);
        requireViews(grads, dwx, dwr, db, headWGrad, headBGrad);
        INDArray x = Nd4j.rand(DataType.FLOAT, k, 1, N_IN);
        INDArray h = Nd4j.rand(DataType.FLOAT, k + 1, 1, HIDDEN);
        INDArray c = Nd4j.rand(DataType.FLOAT, k + 1, 1, HIDDEN);
        hTop = h.reshape('c', k + 1, HIDDEN).get(NDArrayIndex.interval(1, k + 1), NDArrayIndex.all());
        dLdh = Nd4j.zeros(DataType.FLOAT, k, 1, HIDDEN);
        dLdhRows = dLdh.reshape('c', k, HIDDEN);
        INDArray dx = Nd4j.zeros(DataType.FLOAT, k, 1, N_IN);
        carries = Nd4j.zeros(DataType.FLOAT, 2, 1, HIDDEN);
        outputs = Nd4j.zeros(DataType.FLOAT, k, 1);
        targets = Nd4j.rand(DataType.FLOAT, k, 1);
        dy = Nd4j.zeros(DataType.FLOAT, k, 1);
        forward = new OpContext[k];
        backward = new OpContext[k];
        for (int t = 0; t < k; t++) {
            forward[t] = context(new INDArray[] {x.slice(t), wx, wr, b, h.slice(t), c.slice(t)},
                    h.slice(t + 1), c.slice(t + 1));
            backward[t] = context(new INDArray[] {x.slice(t), wx, wr, b, h.slice(t), c.slice(t),
                    dLdh.slice(t)}, dx.slice(t), dwx, dwr, db, carries.slice(0), carries.slice(1));
        }
        hPredict = Nd4j.zeros(DataType.FLOAT, 2, 1, HIDDEN);
        predictStep = context(new INDArray[] {Nd4j.rand(DataType.FLOAT, 1, N_IN), wx, wr, b, h.slice(k), c.slice(k)},
                hPredict.slice(0), hPredict.slice(1));
        prediction = Nd4j.zeros(DataType.FLOAT, 1, 1);
        INDArray adamState = Nd4j.zeros(DataType.FLOAT, 1, 2 * count);
        adam = new Adam(1e-3, Dl4jNetworks.BETA1, Dl4jNetworks.BETA2, Dl4jNetworks.EPSILON)
                .instantiate(adamState, true);
    }

    /** @return elements {@code [from, to)} of the row vector {@code flat} as a view of the given shape */
    private static INDArray part(INDArray flat, int from, int to, long... shape) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to)).reshape('c', shape);
    }

    /** Adam and the parameter step work on the flat arrays: every part must write through to them. */
    private static void requireViews(INDArray flat, INDArray... parts) {
        for (INDArray part : parts) {
            double saved = part.getDouble(0);
            double before = flat.sumNumber().doubleValue();
            part.putScalar(0, saved + 1.0);
            double after = flat.sumNumber().doubleValue();
            part.putScalar(0, saved);
            if (Math.abs(after - before - 1.0) > 1e-3) {
                throw new IllegalStateException("a parameter or gradient array is not a view of its flat array");
            }
        }
    }

    private static DynamicCustomOp cellOp(String name) {
        return DynamicCustomOp.builder(name).build();
    }

    private static OpContext context(INDArray[] inputs, INDArray... outputs) {
        OpContext ctx = Nd4j.getExecutioner().buildContext();
        ctx.setInputArrays(inputs);
        ctx.setOutputArrays(outputs);
        // sigmoid gates, tanh cell and output; biases, no peepholes; no clipping
        ctx.setIArguments(2, 0, 0);
        ctx.setBArguments(true, false);
        ctx.setTArguments(0.0);
        return ctx;
    }

    /** One test-then-train update: train on the last k labelled steps, then predict the next point. */
    private double update() {
        for (OpContext ctx : forward) {
            Nd4j.getExecutioner().exec(forwardOp, ctx);
        }
        Nd4j.gemm(hTop, headW, outputs, false, false, 1.0, 0.0);
        outputs.addi(headB.getDouble(0));
        dy.assign(outputs).subi(targets).muli(2.0);
        Nd4j.gemm(hTop, dy, headWGrad, true, false, 1.0, 0.0);
        headBGrad.assign(dy.sumNumber());
        Nd4j.gemm(dy, headW, dLdhRows, false, true, 1.0, 0.0);
        lstmGrads.assign(0);
        carries.assign(0);
        long started = System.nanoTime();
        for (int t = k - 1; t >= 0; t--) {
            Nd4j.getExecutioner().exec(backwardOp, backward[t]);
        }
        backwardNanos += System.nanoTime() - started;
        adam.applyUpdater(grads, iteration++, 0);
        params.subi(grads);
        Nd4j.getExecutioner().exec(forwardOp, predictStep);
        Nd4j.gemm(hPredict.slice(0), headW, prediction, false, false, 1.0, 0.0);
        return prediction.getDouble(0) + headB.getDouble(0);
    }

    public static void main(String[] args) throws IOException {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Dl4jNetworks.useOneNd4jThread();
        Nd4jUpdateCostProbe probe = new Nd4jUpdateCostProbe(k);
        OnlineForecaster fast = Forecasters.create(ForecasterSpec.defaults().withBpttHorizon(k).validate());
        SplittableRandom random = new SplittableRandom(7);
        float[] features = new float[N_IN];
        double sink = 0;
        Runtime runtime = Runtime.getRuntime();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] nd4jMicros = new double[rounds];
        double[] fastMicros = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            int n = r < 0 ? updates / 5 : updates;
            probe.backwardNanos = 0;
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += probe.update();
            }
            long t1 = System.nanoTime();
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < N_IN; f++) {
                    features[f] = (float) random.nextGaussian();
                }
                sink += fast.observe(features, (float) random.nextGaussian());
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                nd4jMicros[r] = (t1 - t0) / 1e3 / n;
                fastMicros[r] = (t2 - t1) / 1e3 / n;
                System.out.printf(Locale.ROOT, "round %d: ND4J ops %.1f us/update (backward cell steps %.1f, "
                                + "%.1f KB of Java objects), fast engine %.1f us/update, RSS %.1f MiB, "
                                + "JavaCPP %.1f MiB, heap used %.1f MiB%n", r + 1, nd4jMicros[r],
                        probe.backwardNanos / 1e3 / n, allocated / 1e3 / n, fastMicros[r], rssMiB(),
                        NativeMemory.trackedBytes() / MIB,
                        (runtime.totalMemory() - runtime.freeMemory()) / MIB);
            }
        }
        Arrays.sort(nd4jMicros);
        Arrays.sort(fastMicros);
        double nd4j = nd4jMicros[rounds / 2];
        double fastMedian = fastMicros[rounds / 2];
        System.out.printf(Locale.ROOT, "k=%d, %d op calls per update; medians of %d rounds: ND4J ops %.1f us/update "
                        + "(%.0f updates/s), fast engine %.1f us/update (%.0f/s): %.1fx (checksum %.3f)%n",
                k, 2 * k + 15, rounds, nd4j, 1e6 / nd4j, fastMedian, 1e6 / fastMedian, nd4j / fastMedian, sink);
        fast.close();
    }

    private static double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
