package io.tickcast.model.leak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Executes one variant of ND4J 1.0.0-M2.1's LSTM ops a given number of times on pre-allocated arrays, lets GC and
 * ND4J's deallocator free what they will, then exits, so that a native allocation profiler (jemalloc's leak
 * profiling, see {@code docs/leak/trace.sh}) can difference two runs with different call counts and attribute the
 * per-call leak to native call stacks. In that mode it measures nothing itself. Not a test.
 *
 * <p>With {@code -Dleakprobe.rss=true} it instead prints the resident-set growth per call after 200 warm-up calls
 * (System.out: this is a diagnostic main, like {@code io.tickcast.model.LstmLayerBpLeakRepro}).
 *
 * <p>Arguments: {@code variant calls [sL [nOut]]}, defaults {@code 32 32}; batch size 1, nIn 5, sigmoid gates,
 * tanh cell and output activations, biases, no peepholes, no initial state. Variants (see {@link Variant}):
 * {@code bp} is the reference case of {@code io.tickcast.model.LstmLayerBpLeakRepro}.
 */
public final class LstmLayerLeakProbe {

    private static final int N_IN = 5;

    /** The op call pattern to run. */
    enum Variant {
        /** {@code lstmLayer_bp}, TNS layout {@code [sL, 1, nIn]}, gradient for every step. */
        BP,
        /** As {@link #BP} with the NTS layout {@code [1, sL, nIn]} (dataFormat 1). */
        BP_NTS,
        /** As {@link #BP} with the NST layout {@code [1, nIn, sL]} (dataFormat 2). */
        BP_NST,
        /** As {@link #BP} with a {@code seqLen} input of {@code [sL]}. */
        BP_SEQLEN,
        /** As {@link #BP}, executed inside an ND4J workspace scope. */
        BP_WORKSPACE,
        /** The forward {@code lstmLayer} op, TNS layout, full sequence returned. */
        FWD,
        /** The single-step {@code lstmLayerCellBp} op ({@code [1, nIn]} input), called {@code sL} times per call. */
        CELL_BP,
        /** The same backward pass as {@link #BP} computed by {@link LstmCellLoop} (2 x sL single-step op calls). */
        CELL_LOOP,
        /**
         * Control outside the LSTM code: the {@code tear} op on a {@code [sL, nOut]} input along dimension 1
         * ({@code sL} outputs), whose only native temporary is one {@code allTensorsAlongDimension} result set.
         */
        TEAR
    }

    private LstmLayerLeakProbe() {
    }

    public static void main(String[] args) throws IOException {
        Variant variant = Variant.valueOf(args[0].toUpperCase(Locale.ROOT));
        int calls = Integer.parseInt(args[1]);
        int sL = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int nOut = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getRandom().setSeed(1);
        Runnable call = switch (variant) {
            case BP -> exec(backward(sL, nOut, 0, false));
            case BP_NTS -> exec(backward(sL, nOut, 1, false));
            case BP_NST -> exec(backward(sL, nOut, 2, false));
            case BP_SEQLEN -> exec(backward(sL, nOut, 0, true));
            case BP_WORKSPACE -> inWorkspace(backward(sL, nOut, 0, false));
            case FWD -> exec(forward(sL, nOut));
            case CELL_BP -> repeat(cellBackward(nOut), sL);
            case TEAR -> exec(tear(sL, nOut));
            case CELL_LOOP -> cellLoop(sL, nOut)::run;
        };
        if (Boolean.getBoolean("leakprobe.rss")) {
            printRssGrowth(variant, call, calls);
            return;
        }
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        settle();
    }

    /**
     * After 200 warm-up calls, prints the VmRSS growth per call over {@code calls} calls (GC and a bounded wait for
     * the deallocator before each reading).
     */
    private static void printRssGrowth(Variant variant, Runnable call, int calls) throws IOException {
        for (int i = 0; i < 200; i++) {
            call.run();
        }
        long before = rssBytes();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long after = rssBytes();
        System.out.printf("%s: %.2f KiB of RSS growth per call over %d calls%n", variant,
                (after - before) / 1024.0 / calls, calls);
    }

    /**
     * Lets the garbage collector and ND4J's deallocator thread free what the finished calls left to them: each
     * {@code Nd4j.exec(op)} creates a native op context that only a GC-driven deallocator frees
     * ({@code CpuOpContext.close()} does nothing in 1.0.0-M2.1). A bounded wait, in a diagnostic main only.
     */
    private static void settle() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long rssBytes() throws IOException {
        settle();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private static Runnable exec(DynamicCustomOp op) {
        return () -> Nd4j.exec(op);
    }

    private static Runnable repeat(DynamicCustomOp op, int times) {
        return () -> {
            for (int t = 0; t < times; t++) {
                Nd4j.exec(op);
            }
        };
    }

    private static Runnable inWorkspace(DynamicCustomOp op) {
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder()
                .initialSize(8L << 20)
                .policyAllocation(AllocationPolicy.STRICT)
                .policyLearning(LearningPolicy.NONE)
                .build();
        return () -> {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "LSTM_LEAK_PROBE")) {
                Nd4j.exec(op);
            }
        };
    }

    /** Shape of a sequence array of width {@code n} in the given dataFormat (0 TNS, 1 NTS, 2 NST), batch 1. */
    private static long[] sequence(int dataFormat, int sL, int n) {
        return switch (dataFormat) {
            case 0 -> new long[] {sL, 1, n};
            case 1 -> new long[] {1, sL, n};
            default -> new long[] {1, n, sL};
        };
    }

    private static DynamicCustomOp backward(int sL, int nOut, int dataFormat, boolean withSeqLen) {
        INDArray x = Nd4j.rand(DataType.FLOAT, sequence(dataFormat, sL, N_IN));
        INDArray wx = Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5);
        INDArray wr = Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 4 * nOut);
        INDArray dLdh = Nd4j.rand(DataType.FLOAT, sequence(dataFormat, sL, nOut));
        INDArray[] inputs = withSeqLen
                ? new INDArray[] {x, wx, wr, bias, Nd4j.createFromArray(new float[] {sL}), dLdh}
                : new INDArray[] {x, wx, wr, bias, dLdh};
        return DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(inputs)
                .addOutputs(Nd4j.zeros(DataType.FLOAT, sequence(dataFormat, sL, N_IN)),
                        Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut), Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, 4 * nOut))
                .addIntegerArguments(dataFormat, 0, 2, 0, 0)
                .addBooleanArguments(true, withSeqLen, false, false, false, true, false, false)
                .addFloatingPointArguments(0.0)
                .build();
    }

    private static DynamicCustomOp forward(int sL, int nOut) {
        INDArray x = Nd4j.rand(DataType.FLOAT, sL, 1, N_IN);
        INDArray wx = Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5);
        INDArray wr = Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 4 * nOut);
        return DynamicCustomOp.builder("lstmLayer")
                .addInputs(x, wx, wr, bias)
                .addOutputs(Nd4j.zeros(DataType.FLOAT, sL, 1, nOut))
                .addIntegerArguments(0, 0, 2, 0, 0)
                .addBooleanArguments(true, false, false, false, false, true, false, false)
                .addFloatingPointArguments(0.0)
                .build();
    }

    private static LstmCellLoop cellLoop(int sL, int nOut) {
        return new LstmCellLoop(Nd4j.rand(DataType.FLOAT, sL, 1, N_IN),
                Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5),
                Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5),
                Nd4j.zeros(DataType.FLOAT, 4 * nOut), Nd4j.rand(DataType.FLOAT, sL, 1, nOut));
    }

    private static DynamicCustomOp tear(int rows, int columns) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder("tear")
                .addInputs(Nd4j.rand(DataType.FLOAT, rows, columns))
                .addIntegerArguments(1);
        for (int r = 0; r < rows; r++) {
            b.addOutputs(Nd4j.zeros(DataType.FLOAT, columns));
        }
        return b.build();
    }

    /** {@code lstmLayerCellBp}: inputs x, Wx, Wr, b, hI, cI, dLdh; outputs dLdx, dLdWx, dLdWr, dLdb, dLdhI, dLdcI. */
    private static DynamicCustomOp cellBackward(int nOut) {
        return DynamicCustomOp.builder("lstmLayerCellBp")
                .addInputs(Nd4j.rand(DataType.FLOAT, 1, N_IN), Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5),
                        Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5), Nd4j.zeros(DataType.FLOAT, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, 1, nOut), Nd4j.zeros(DataType.FLOAT, 1, nOut),
                        Nd4j.rand(DataType.FLOAT, 1, nOut))
                .addOutputs(Nd4j.zeros(DataType.FLOAT, 1, N_IN), Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut), Nd4j.zeros(DataType.FLOAT, 4 * nOut),
                        Nd4j.zeros(DataType.FLOAT, 1, nOut), Nd4j.zeros(DataType.FLOAT, 1, nOut))
                .addIntegerArguments(2, 0, 0)
                .addBooleanArguments(true, false)
                .addFloatingPointArguments(0.0)
                .build();
    }
}
