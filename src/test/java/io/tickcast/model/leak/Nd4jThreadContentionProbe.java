package io.tickcast.model.leak;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.tickcast.model.dl4j.Dl4jNetworks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minimal reproduction, with ND4J alone, of why two LSTM models on two threads of one JVM do not run in parallel in
 * ND4J 1.0.0-M2.1: each thread runs its own {@link LstmCellLoop} (k single-step {@code lstmLayerCell} and
 * {@code lstmLayerCellBp} ops on its own arrays; nothing is shared between the threads), first one thread alone, then
 * two at once, in every round. A diagnostic main, not a test (System.out, like {@link Nd4jUpdateCostProbe}).
 *
 * <p>Arguments: {@code k passes rounds} (defaults 8, 4000, 5). Prints, per round, the passes per second of one thread
 * alone and of two threads together, their ratio, and the CPU microseconds per pass of the threads in both cases.
 * While it runs, {@code gdb -p PID -batch -ex "thread apply all bt 12"} shows the threads in
 * {@code sd::memory::MemoryCounter::countIn/countOut} and {@code sd::ConstantShapeHelper::bufferForShapeInfo},
 * waiting for the process-wide mutex of each singleton (BENCHMARKS.md, "The nd4j engine on two cores").
 */
public final class Nd4jThreadContentionProbe {

    private static final int N_IN = 5;
    private static final int HIDDEN = 32;

    private Nd4jThreadContentionProbe() {
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Dl4jNetworks.useOneNd4jThread();
        List<LstmCellLoop> loops = List.of(loop(k, 1), loop(k, 2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            feed(pool, loops, passes);
            System.out.println("round  alone passes/s  two threads passes/s  ratio  CPU us/pass alone  two");
            for (int r = 0; r < rounds; r++) {
                double[] alone = feed(pool, loops.subList(0, 1), passes);
                double[] two = feed(pool, loops, passes);
                System.out.println(String.format(Locale.ROOT, "%5d  %14.0f  %20.0f  %5.2f  %17.1f  %4.1f", r,
                        alone[0], two[0], two[0] / alone[0], alone[1], two[1]));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static LstmCellLoop loop(int k, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new LstmCellLoop(Nd4j.rand(DataType.FLOAT, k, 1, N_IN), Nd4j.rand(DataType.FLOAT, N_IN, 4 * HIDDEN),
                Nd4j.rand(DataType.FLOAT, HIDDEN, 4 * HIDDEN), Nd4j.rand(DataType.FLOAT, 4 * HIDDEN),
                Nd4j.rand(DataType.FLOAT, k, 1, HIDDEN));
    }

    /** @return [0] passes per second over all loops (wall), [1] CPU microseconds per pass of the feeding threads */
    private static double[] feed(ExecutorService pool, List<LstmCellLoop> loops, int passes) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Future<Long>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (LstmCellLoop loop : loops) {
            done.add(pool.submit(() -> {
                long cpu = mx.getCurrentThreadCpuTime();
                for (int p = 0; p < passes; p++) {
                    loop.run();
                }
                return mx.getCurrentThreadCpuTime() - cpu;
            }));
        }
        long cpu = 0;
        for (Future<Long> f : done) {
            cpu += f.get();
        }
        double total = (double) passes * loops.size();
        return new double[] {total / ((System.nanoTime() - start) / 1e9), cpu / 1e3 / total};
    }
}
