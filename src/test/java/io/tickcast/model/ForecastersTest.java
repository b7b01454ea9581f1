package io.tickcast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForecastersTest {

    private static final ForecasterSpec SMALL = new ForecasterSpec("fast", 3, 8, 1, 8, 4, 1e-3, 7L);

    @Test
    void shouldNameTheFieldOfAnInvalidSpec() {
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 0, 8, 1, 8, 4, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputSize");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, -1, 1, 8, 4, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiddenSize");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 0, 8, 4, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 1, 0, 1, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 1, 8, 9, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bpttHorizon");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 1, 8, 0, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bpttHorizon");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 1, 8, 4, Double.NaN, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("fast", 3, 8, 1, 8, 4, 0.0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> Forecasters.create(new ForecasterSpec("gpu", 3, 8, 1, 8, 4, 1e-3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine");
    }

    @Test
    void shouldGiveTheFieldValueAndRuleApartSoACallerCanNameItsOwnKeys() {
        assertThatThrownBy(() -> SMALL.withUpdateEvery(6).validate())
                .isInstanceOfSatisfying(ForecasterSpec.InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo(ForecasterSpec.Field.UPDATE_EVERY);
                    assertThat(e.value()).isEqualTo(6);
                    assertThat(e.getMessage())
                            .isEqualTo("updateEvery plus bpttHorizon - 1 must not exceed window (8): at most 5, was 6");
                    assertThat(e.rule(field -> "<" + field.name() + ">"))
                            .isEqualTo("plus <BPTT_HORIZON> - 1 must not exceed <WINDOW> (8): at most 5");
                });
        assertThatThrownBy(() -> new ForecasterSpec("nd4j", 3, 8, 2, 8, 4, 1e-3, 7L).validate())
                .isInstanceOfSatisfying(ForecasterSpec.InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo(ForecasterSpec.Field.LAYERS);
                    assertThat(e.rule(field -> field.component().toUpperCase(Locale.ROOT)))
                            .startsWith("values above 1 need ENGINE=fast or dl4j");
                });
    }

    @Test
    void shouldUseTheFastEngineWhenNoneIsNamed() {
        try (OnlineForecaster f = Forecasters.create(SMALL.withEngine(null))) {
            byte[] snapshot = f.snapshot();
            try (OnlineForecaster restored = Forecasters.restore(snapshot)) {
                assertThat(restored.getClass().getSimpleName()).isEqualTo("FastForecaster");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldRejectCorruptOrForeignSnapshots(String engine) {
        try (OnlineForecaster f = Forecasters.create(SMALL.withEngine(engine))) {
            f.observe(new float[] {1f, 2f, 3f}, Float.NaN);
            f.observe(new float[] {2f, 3f, 4f}, 0.5f);
            byte[] good = f.snapshot();
            byte[] flipped = good.clone();
            flipped[good.length / 2] ^= 0x10;
            assertThatThrownBy(() -> Forecasters.restore(flipped))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt");
            assertThatThrownBy(() -> Forecasters.restore(Arrays.copyOf(good, good.length - 20)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Forecasters.restore("hello, not a model".getBytes()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Forecasters.restore(new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldContinueBitForBitAfterSnapshotAndRestore(String engine) {
        ForecasterSpec spec = SMALL.withEngine(engine);
        float[][] xs = SyntheticSeries.features(60, 3, 11L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster original = Forecasters.create(spec)) {
            feed(original, xs, ys, 0, 30);
            try (OnlineForecaster restored = Forecasters.restore(original.snapshot())) {
                assertThat(restored.updates()).isEqualTo(original.updates());
                float[] a = feed(original, xs, ys, 30, 60);
                float[] b = feed(restored, xs, ys, 30, 60);
                assertThat(bits(b)).isEqualTo(bits(a));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldGiveBitIdenticalPredictionsForTheSameSeedAndInputs(String engine) {
        ForecasterSpec spec = SMALL.withEngine(engine);
        float[][] xs = SyntheticSeries.features(40, 3, 5L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster a = Forecasters.create(spec); OnlineForecaster b = Forecasters.create(spec)) {
            assertThat(bits(feed(b, xs, ys, 0, 40))).isEqualTo(bits(feed(a, xs, ys, 0, 40)));
            assertThat(a.updates()).isEqualTo(39);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldRejectFeaturesOfTheWrongLength(String engine) {
        try (OnlineForecaster f = Forecasters.create(SMALL.withEngine(engine))) {
            assertThatThrownBy(() -> f.observe(new float[2], Float.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldRejectNonFiniteInputsWithoutLearningFromThem(String engine) {
        try (OnlineForecaster f = Forecasters.create(SMALL.withEngine(engine))) {
            f.observe(new float[] {1f, 2f, 3f}, Float.NaN);
            assertThatThrownBy(() -> f.observe(new float[] {1f, Float.NaN, 3f}, 0.5f))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features[1]");
            assertThatThrownBy(() -> f.observe(new float[] {1f, 2f, 3f}, Float.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
            assertThatThrownBy(() -> f.predict(new float[] {Float.NEGATIVE_INFINITY, 2f, 3f}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(f.updates()).isZero();
            assertThat(f.observe(new float[] {1f, 2f, 3f}, 0.5f)).isFinite();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldKeepLearningAfterDriftResponses(String engine) {
        float[][] xs = SyntheticSeries.features(30, 3, 3L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster f = Forecasters.create(SMALL.withEngine(engine))) {
            feed(f, xs, ys, 0, 15);
            f.scaleLearningRate(3.0);
            f.resetState();
            float[] after = feed(f, xs, ys, 15, 30);
            for (float v : after) {
                assertThat(v).isFinite();
            }
            assertThat(f.updates()).isEqualTo(29);
            assertThatThrownBy(() -> f.scaleLearningRate(0.0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "dl4j", "nd4j"})
    void shouldLearnWithTheScaledLearningRateFromTheNextUpdate(String engine) {
        float[][] xs = SyntheticSeries.features(30, 3, 13L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster plain = Forecasters.create(SMALL.withEngine(engine));
             OnlineForecaster unscaled = Forecasters.create(SMALL.withEngine(engine));
             OnlineForecaster boosted = Forecasters.create(SMALL.withEngine(engine))) {
            float[] before = feed(plain, xs, ys, 0, 15);
            assertThat(bits(feed(unscaled, xs, ys, 0, 15))).isEqualTo(bits(before));
            assertThat(bits(feed(boosted, xs, ys, 0, 15))).isEqualTo(bits(before));
            unscaled.scaleLearningRate(1.0);
            boosted.scaleLearningRate(3.0);

            float[] after = feed(plain, xs, ys, 15, 30);
            assertThat(bits(feed(unscaled, xs, ys, 15, 30))).as("a factor of 1").isEqualTo(bits(after));
            float[] afterBoost = feed(boosted, xs, ys, 15, 30);
            assertThat(afterBoost[0]).as("the first prediction comes after the first boosted step")
                    .isNotEqualTo(after[0]);
            assertThat(boosted.updates()).isEqualTo(plain.updates());
        }
    }

    static float[] feed(OnlineForecaster f, float[][] xs, float[] ys, int from, int to) {
        float[] out = new float[to - from];
        for (int t = from; t < to; t++) {
            out[t - from] = f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
        }
        return out;
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
