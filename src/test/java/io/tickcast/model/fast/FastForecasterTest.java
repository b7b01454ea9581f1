package io.tickcast.model.fast;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.model.AdamResetCheck;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.SyntheticSeries;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class FastForecasterTest {

    private static final ForecasterSpec REFERENCE = new ForecasterSpec("fast", 5, 32, 1, 32, 8, 1e-3, 42L);

    @Test
    void shouldAllocateNothingPerPointOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[][] xs = SyntheticSeries.features(4096, 5, 9L);
        float[] ys = SyntheticSeries.targets(xs);
        long fewest = Long.MAX_VALUE;
        try (OnlineForecaster f = Forecasters.create(REFERENCE)) {
            f.observe(xs[0], Float.NaN);
            // before the JIT has compiled the hot path, the interpreter allocates; once compiled, nothing
            for (int round = 0; round < 20 && fewest >= 1024; round++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int t = 1; t <= 5000; t++) {
                    f.observe(xs[t % 4096], ys[(t - 1) % 4096]);
                    f.predict(xs[t % 4096]);
                }
                fewest = Math.min(fewest, mx.getCurrentThreadAllocatedBytes() - before);
            }
        }
        assertThat(fewest).as("bytes allocated by 5,000 observe + predict calls once warm").isLessThan(1024);
    }

    @Test
    void shouldKeepTheReferenceSnapshotWellUnderOneMegabyte() {
        try (OnlineForecaster fast = Forecasters.create(REFERENCE.withBpttHorizon(32));
             OnlineForecaster dl4j = Forecasters.create(REFERENCE.withEngine("dl4j").withBpttHorizon(32))) {
            float[][] xs = SyntheticSeries.features(40, 5, 1L);
            for (int t = 0; t < 40; t++) {
                fast.observe(xs[t], t == 0 ? Float.NaN : 0.1f);
                dl4j.observe(xs[t], t == 0 ? Float.NaN : 0.1f);
            }
            assertThat(fast.snapshot().length).isLessThan(100_000);
            assertThat(dl4j.snapshot().length).isLessThan(250_000);
        }
    }

    @Test
    void shouldTakeAFirstAdamStepOfTheLearningRateAfterAReset() {
        try (FastForecaster f = FastForecaster.create(REFERENCE)) {
            AdamResetCheck.assertResetForgetsTheMoments(f, REFERENCE.inputSize(),
                    () -> FastNetworkMatchesDl4jTest.flatten(f.network().params), REFERENCE.learningRate());
        }
    }

    @Test
    void shouldForgetStateAndMomentsButKeepWeightsOnReset() {
        float[][] xs = SyntheticSeries.features(100, 5, 4L);
        float[] ys = SyntheticSeries.targets(xs);
        try (FastForecaster f = FastForecaster.create(REFERENCE)) {
            for (int t = 0; t < 100; t++) {
                f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
            }
            float weight = f.network().layers[0].weights[0][0];
            f.resetState();
            assertThat(f.network().layers[0].weights[0][0]).isEqualTo(weight);
            float fromZeroState = f.network().step(xs[0], new float[1][32], new float[1][32]);
            assertThat(f.predict(xs[0])).isEqualTo(fromZeroState);
            assertThat(f.updates()).isEqualTo(99);
        }
    }
}
