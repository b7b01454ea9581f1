package io.tickcast.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minimal reproduction of the native memory leak of ND4J 1.0.0-M2.1's fused {@code lstmLayer_bp} op, for an
 * upstream report. Not a test (not run by surefire): run it by hand, single-threaded,
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.tickcast.model.LstmLayerBpLeakRepro [calls]
 * </pre>
 *
 * <p>For each case it calls the op {@code calls} times on the same pre-allocated inputs and outputs (nothing is
 * allocated on the Java side in the loop) and prints the resident-set growth per call. The forward
 * {@code lstmLayer} op with the same arguments is the control. Inputs: TNS layout {@code [sL, 1, nIn]}, sigmoid
 * gates, tanh cell and output activations, biases, gradient given for the full sequence.
 *
 * <p>Cause, found with {@code io.tickcast.model.leak.LstmLayerLeakProbe} under jemalloc's leak profiler (see
 * BENCHMARKS.md and docs/leak/UPSTREAM-REPORT.md): libnd4j's {@code ResultSet::delContent()} never deletes view
 * elements and every {@code allTensorsAlongDimension} element is a view, so the 7 sub-array sets of
 * {@code lstmLayerTimeLoopBp} leak their {@code NDArray}s and, through them, the op's internal z, a, h, c buffers.
 * The forward control leaks too, less (views of the caller's arrays only, ~5 KiB per call at sL=32).
 */
public final class LstmLayerBpLeakRepro {

    private static final int N_IN = 5;

    private LstmLayerBpLeakRepro() {
    }

    public static void main(String[] args) throws IOException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        System.out.println("op, sL, nOut, initial state, KiB of RSS growth per call, "
                + "internal z+a+h+c buffers KiB (4*nOut*(10*sL+2) bytes)");
        int[][] cases = {{32, 32}, {8, 32}, {32, 16}, {16, 64}};
        for (int[] c : cases) {
            run(false, c[0], c[1], false, calls);
            run(true, c[0], c[1], false, calls);
        }
        run(true, 32, 32, true, calls);
        runLastStepGradientOnly(32, 32, calls);
    }

    /** The backward op given only dL/dh at the last step (no full-sequence gradient). */
    private static void runLastStepGradientOnly(int sL, int nOut, int calls) throws IOException {
        INDArray[] in = inputs(sL, nOut, false, false);
        INDArray[] withLast = java.util.Arrays.copyOf(in, in.length + 1);
        withLast[in.length] = Nd4j.rand(DataType.FLOAT, 1, nOut);
        DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(withLast)
                .addOutputs(Nd4j.zeros(DataType.FLOAT, sL, 1, N_IN), Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut), Nd4j.zeros(DataType.FLOAT, 4 * nOut))
                .addIntegerArguments(0, 0, 2, 0, 0)
                .addBooleanArguments(true, false, false, false, false, false, true, false)
                .addFloatingPointArguments(0.0)
                .build();
        measure(op, "lstmLayer_bp (dL/dh of the last step only)", sL, nOut, false, calls);
    }

    private static void run(boolean backward, int sL, int nOut, boolean initialState, int calls)
            throws IOException {
        DynamicCustomOp op = backward ? backwardOp(sL, nOut, initialState) : forwardOp(sL, nOut, initialState);
        measure(op, backward ? "lstmLayer_bp" : "lstmLayer", sL, nOut, initialState, calls);
    }

    private static void measure(DynamicCustomOp op, String name, int sL, int nOut, boolean initialState, int calls)
            throws IOException {
        for (int i = 0; i < 200; i++) {
            Nd4j.exec(op);
        }
        long before = rssBytes();
        for (int i = 0; i < calls; i++) {
            Nd4j.exec(op);
        }
        long after = rssBytes();
        double internal = 4.0 * nOut * (10.0 * sL + 2) / 1024;
        System.out.printf("%s, %d, %d, %s, %.1f, %.1f%n", name, sL, nOut, initialState,
                (after - before) / 1024.0 / calls, internal);
    }

    private static DynamicCustomOp forwardOp(int sL, int nOut, boolean initialState) {
        INDArray[] in = inputs(sL, nOut, initialState, false);
        return DynamicCustomOp.builder("lstmLayer")
                .addInputs(in)
                .addOutputs(Nd4j.zeros(DataType.FLOAT, sL, 1, nOut))
                .addIntegerArguments(0, 0, 2, 0, 0)
                .addBooleanArguments(true, false, initialState, initialState, false, true, false, false)
                .addFloatingPointArguments(0.0)
                .build();
    }

    private static DynamicCustomOp backwardOp(int sL, int nOut, boolean initialState) {
        INDArray[] in = inputs(sL, nOut, initialState, true);
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(in)
                .addOutputs(Nd4j.zeros(DataType.FLOAT, sL, 1, N_IN), Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut), Nd4j.zeros(DataType.FLOAT, 4 * nOut));
        if (initialState) {
            b.addOutputs(Nd4j.zeros(DataType.FLOAT, 1, nOut), Nd4j.zeros(DataType.FLOAT, 1, nOut));
        }
        return b.addIntegerArguments(0, 0, 2, 0, 0)
                .addBooleanArguments(true, false, initialState, initialState, false, true, false, false)
                .addFloatingPointArguments(0.0)
                .build();
    }

    private static INDArray[] inputs(int sL, int nOut, boolean initialState, boolean withGradient) {
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, sL, 1, N_IN);
        INDArray wx = Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5);
        INDArray wr = Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 4 * nOut);
        INDArray h0 = Nd4j.zeros(DataType.FLOAT, 1, nOut);
        INDArray c0 = Nd4j.zeros(DataType.FLOAT, 1, nOut);
        INDArray dLdh = Nd4j.rand(DataType.FLOAT, sL, 1, nOut);
        if (initialState) {
            return withGradient ? new INDArray[] {x, wx, wr, bias, h0, c0, dLdh} : new INDArray[] {x, wx, wr, bias, h0, c0};
        }
        return withGradient ? new INDArray[] {x, wx, wr, bias, dLdh} : new INDArray[] {x, wx, wr, bias};
    }

    private static long rssBytes() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
