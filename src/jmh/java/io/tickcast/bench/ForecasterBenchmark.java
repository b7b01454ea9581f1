package io.tickcast.bench;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot pieces of the fast engine on the reference model (H=32, W=32, 5 features): one test-then-train
 * point ({@code observe}) for several back-propagation horizons k, and one prediction-only step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ForecasterBenchmark {

    private static final int POINTS = 4096;

    @Param({"1", "8", "32"})
    public int bptt;

    private OnlineForecaster forecaster;
    private float[][] features;
    private float[] targets;
    private int t;

    @Setup(Level.Trial)
    public void setUp() {
        forecaster = Forecasters.create(new ForecasterSpec("fast", 5, 32, 1, 32, bptt, 1e-3, 42L));
        SplittableRandom random = new SplittableRandom(1);
        features = new float[POINTS][5];
        targets = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            for (int j = 0; j < 5; j++) {
                features[i][j] = (float) (random.nextDouble() - 0.5);
            }
            targets[i] = (float) (random.nextDouble() - 0.5);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        forecaster.close();
    }

    @Benchmark
    public float observe() {
        int i = t++ & (POINTS - 1);
        return forecaster.observe(features[i], targets[i]);
    }

    @Benchmark
    public float predict() {
        int i = t++ & (POINTS - 1);
        return forecaster.predict(features[i]);
    }
}
