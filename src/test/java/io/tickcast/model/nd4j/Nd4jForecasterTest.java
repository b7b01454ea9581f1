package io.tickcast.model.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickcast.model.AdamResetCheck;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.SyntheticSeries;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Nd4jForecasterTest {

    private static final ForecasterSpec REFERENCE = new ForecasterSpec("nd4j", 5, 32, 1, 32, 8, 1e-3, 42L);

    /**
     * The fast engine is checked against DL4J's MultiLayerNetwork (FastNetworkMatchesDl4jTest); the same update
     * computed by ND4J's ops must give the same predictions, point after point, while both learn.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8})
    void shouldPredictAsTheFastEngineDoesWhileLearning(int k) {
        float[][] xs = SyntheticSeries.features(80, 5, 3L);
        float[] ys = SyntheticSeries.targets(xs);
        ForecasterSpec spec = REFERENCE.withBpttHorizon(k);
        try (OnlineForecaster nd4j = Forecasters.create(spec);
             OnlineForecaster fast = Forecasters.create(spec.withEngine("fast"))) {
            for (int t = 0; t < xs.length; t++) {
                if (t == xs.length / 2) {
                    fast.scaleLearningRate(3.0);
                    nd4j.scaleLearningRate(3.0);
                }
                float target = t == 0 ? Float.NaN : ys[t - 1];
                float expected = fast.observe(xs[t], target);
                float actual = nd4j.observe(xs[t], target);
                assertThat(actual).as("point %d, k = %d", t, k).isCloseTo(expected, within(1e-4f));
            }
            assertThat(nd4j.updates()).isEqualTo(fast.updates()).isEqualTo(xs.length - 1);
        }
    }

    @Test
    void shouldContinueBitForBitAfterASnapshotIsRestored() {
        float[][] xs = SyntheticSeries.features(70, 5, 11L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster original = Forecasters.create(REFERENCE)) {
            for (int t = 0; t < 40; t++) {
                original.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
            }
            original.scaleLearningRate(3.0);
            try (OnlineForecaster restored = Forecasters.restore(original.snapshot())) {
                assertThat(restored).isInstanceOf(Nd4jForecaster.class);
                assertThat(restored.updates()).isEqualTo(39);
                for (int t = 40; t < xs.length; t++) {
                    float a = original.observe(xs[t], ys[t - 1]);
                    float b = restored.observe(xs[t], ys[t - 1]);
                    assertThat(Float.floatToRawIntBits(b)).as("point %d", t).isEqualTo(Float.floatToRawIntBits(a));
                }
                assertThat(restored.predict(xs[0])).isEqualTo(original.predict(xs[0]));
            }
        }
    }

    /**
     * A pointer left for the GC per update would be freed, and no longer counted, whenever a GC ran during the updates;
     * so the updates run in a JVM of their own whose collector frees nothing (Epsilon): there every JavaCPP pointer
     * allocated and not closed stays in {@link Pointer#totalCount()}.
     */
    @Test
    void shouldAllocateNoJavaCppPointerPerUpdate(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("jvm.log");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions", PointersLeftForTheGc.NO_GC, "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), PointersLeftForTheGc.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = jvm.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            jvm.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(exited).as("the JVM ended within 2 minutes: " + output).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();
        Matcher count = PointersLeftForTheGc.RESULT.matcher(output);
        assertThat(count.find()).as(output).isTrue();
        assertThat(Long.parseLong(count.group(1)))
                .as("JavaCPP pointers allocated and not closed in 2,000 updates (one per update would be 2,000)")
                .isLessThan(100);
    }

    /** Run by {@link #shouldAllocateNoJavaCppPointerPerUpdate} in a JVM whose garbage collector frees nothing. */
    static final class PointersLeftForTheGc {
        static final String NO_GC = "-XX:+UseEpsilonGC";
        static final Pattern RESULT = Pattern.compile("^pointers allocated: (\\d+)$", Pattern.MULTILINE);

        public static void main(String[] args) {
            if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains(NO_GC)) {
                throw new IllegalStateException("needs " + NO_GC + ": another collector frees garbage pointers");
            }
            float[][] xs = SyntheticSeries.features(2_100, 5, 5L);
            float[] ys = SyntheticSeries.targets(xs);
            try (OnlineForecaster f = Forecasters.create(REFERENCE)) {
                for (int t = 0; t < 100; t++) {
                    f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
                }
                long before = Pointer.totalCount();
                for (int t = 100; t < xs.length; t++) {
                    f.observe(xs[t], ys[t - 1]);
                }
                System.out.println("pointers allocated: " + (Pointer.totalCount() - before));
            }
        }
    }

    @Test
    void shouldForgetTheAdamMomentsOnReset() {
        try (Nd4jForecaster f = Nd4jForecaster.create(REFERENCE)) {
            AdamResetCheck.assertResetForgetsTheMoments(f, REFERENCE.inputSize(), f::parameters,
                    REFERENCE.learningRate());
        }
    }

    @Test
    void shouldRefuseWhatOnlyTheFastEngineDoes() {
        assertThatThrownBy(() -> Forecasters.create(REFERENCE.withUpdateEvery(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateEvery")
                .hasMessageContaining("nd4j");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("nd4j", 5, 8, 2, 16, 4, 1e-3, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers")
                .hasMessageContaining("nd4j");
    }

    @Test
    void shouldRefuseACorruptSnapshot() {
        try (OnlineForecaster f = Forecasters.create(REFERENCE)) {
            f.observe(new float[5], Float.NaN);
            byte[] snapshot = f.snapshot();
            byte[] truncated = Arrays.copyOf(snapshot, snapshot.length - 7);
            assertThatThrownBy(() -> Forecasters.restore(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
