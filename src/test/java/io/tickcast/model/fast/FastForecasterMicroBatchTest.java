package io.tickcast.model.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.model.SyntheticSeries;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code updateEvery} m: one Adam step every m labelled points over the last m + k - 1 steps. */
class FastForecasterMicroBatchTest {

    private static final ForecasterSpec REFERENCE = new ForecasterSpec("fast", 5, 32, 1, 32, 8, 1e-3, 42L);
    /**
     * {@code Arrays.hashCode} of the raw bits of the 300 predictions {@link #sinePredictions} makes with
     * {@link #REFERENCE}, computed by the engine as it was before {@code updateEvery} existed.
     */
    private static final int PER_POINT_PREDICTIONS_HASH = 1686549616;

    @Test
    void shouldGiveThePerPointEnginesPredictionsBitForBitWhenUpdateEveryIsOne() {
        assertThat(REFERENCE.updateEvery()).isEqualTo(1);
        assertThat(ForecasterSpec.defaults().updateEvery()).isEqualTo(1);

        assertThat(Arrays.hashCode(sinePredictions(REFERENCE))).isEqualTo(PER_POINT_PREDICTIONS_HASH);
        assertThat(Arrays.hashCode(sinePredictions(REFERENCE.withUpdateEvery(1))))
                .isEqualTo(PER_POINT_PREDICTIONS_HASH);
        assertThat(Arrays.hashCode(sinePredictions(REFERENCE.withUpdateEvery(4))))
                .isNotEqualTo(PER_POINT_PREDICTIONS_HASH);
    }

    @Test
    void shouldChangeTheParametersOnlyOnEveryFourthLabelledPoint() {
        float[][] xs = SyntheticSeries.features(41, 5, 2L);
        float[] ys = SyntheticSeries.targets(xs);
        try (FastForecaster f = FastForecaster.create(REFERENCE.withUpdateEvery(4))) {
            f.observe(xs[0], Float.NaN);
            float[][] before = copy(f.network().params);
            for (int t = 1; t <= 40; t++) {
                f.observe(xs[t], ys[t - 1]);
                float[][] after = copy(f.network().params);
                if (t % 4 == 0) {
                    assertThat(after).as("parameters after labelled point %d", t).isNotEqualTo(before);
                } else {
                    assertThat(after).as("parameters after labelled point %d", t).isEqualTo(before);
                }
                assertThat(f.updates()).isEqualTo(t / 4);
                before = after;
            }
        }
    }

    @Test
    void shouldBackPropagateTheLastMPlusKMinusOnePointsFromTheStateCarriedBeforeThem() {
        ForecasterSpec spec = REFERENCE.withUpdateEvery(4);
        float[][] xs = SyntheticSeries.features(13, 5, 6L);
        float[] ys = SyntheticSeries.targets(xs);
        try (FastForecaster batched = FastForecaster.create(spec);
             FastForecaster probe = FastForecaster.create(spec)) {
            FastNetwork reference = probe.network();
            float[][] h = new float[1][32];
            float[][] c = new float[1][32];
            reference.step(xs[0], h, c);
            batched.observe(xs[0], Float.NaN);
            float[][] afterSecondStep = null;
            for (int t = 1; t <= 12; t++) {
                batched.observe(xs[t], ys[t - 1]);
                if (t == 8) {
                    afterSecondStep = copy(batched.network().params);
                }
            }
            // the third step (labelled point 12) covers points 1..11: m + k - 1 = 11, from the state before point 1
            for (int b = 0; b < afterSecondStep.length; b++) {
                System.arraycopy(afterSecondStep[b], 0, reference.params[b], 0, afterSecondStep[b].length);
            }
            reference.parametersChanged();
            for (int s = 0; s < 11; s++) {
                reference.xs[s] = xs[1 + s];
                reference.targets[s] = ys[1 + s];
            }
            reference.forward(11, h, c);
            float expectedLoss = reference.backward();

            assertThat(batched.updates()).isEqualTo(3);
            assertThat(Float.floatToRawIntBits(batched.lastLoss())).isEqualTo(Float.floatToRawIntBits(expectedLoss));
        }
    }

    @Test
    void shouldContinueBitForBitAfterARestoreInTheMiddleOfABatch() {
        ForecasterSpec spec = REFERENCE.withUpdateEvery(8);
        float[][] xs = SyntheticSeries.features(90, 5, 11L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster original = Forecasters.create(spec)) {
            feed(original, xs, ys, 0, 35);
            try (OnlineForecaster restored = Forecasters.restore(original.snapshot())) {
                assertThat(restored.updates()).isEqualTo(original.updates()).isEqualTo(34 / 8);
                float[] a = feed(original, xs, ys, 35, 90);
                float[] b = feed(restored, xs, ys, 35, 90);
                assertThat(bits(b)).isEqualTo(bits(a));
                assertThat(restored.updates()).isEqualTo(original.updates()).isEqualTo(89 / 8);
            }
        }
    }

    @Test
    void shouldRestoreAVersionOnePayloadAsAPerPointForecaster() throws IOException {
        float[][] xs = SyntheticSeries.features(60, 5, 12L);
        float[] ys = SyntheticSeries.targets(xs);
        try (OnlineForecaster original = Forecasters.create(REFERENCE)) {
            feed(original, xs, ys, 0, 30);
            byte[] payload = payloadOf(original.snapshot());
            assertThat(ByteBuffer.wrap(payload).getInt()).isEqualTo(2);
            // version 1: the same fields without m and the pending count
            ByteBuffer v1 = ByteBuffer.allocate(payload.length - 8).putInt(1);
            v1.put(payload, 12, payload.length - 12);
            try (OnlineForecaster restored = FastForecaster.restore(REFERENCE, v1.array())) {
                assertThat(bits(feed(restored, xs, ys, 30, 60))).isEqualTo(bits(feed(original, xs, ys, 30, 60)));
            }
        }
    }

    @Test
    void shouldRejectAnUpdateEveryThatCannotBeHonoured() {
        assertThatThrownBy(() -> Forecasters.create(REFERENCE.withUpdateEvery(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateEvery");
        assertThatThrownBy(() -> Forecasters.create(REFERENCE.withUpdateEvery(26)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateEvery")
                .hasMessageContaining("25");
        assertThatThrownBy(() -> Forecasters.create(REFERENCE.withUpdateEvery(Integer.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateEvery");
        assertThatThrownBy(() -> Forecasters.create(REFERENCE.withEngine("dl4j").withUpdateEvery(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine=fast");
        try (OnlineForecaster widest = Forecasters.create(REFERENCE.withUpdateEvery(25))) {
            assertThat(widest.observe(new float[5], Float.NaN)).isFinite();
        }
    }

    /** @return the raw bits of the predictions of a sine: features its last 5 values, target its next value */
    private static int[] sinePredictions(ForecasterSpec spec) {
        float[] out = new float[300];
        try (OnlineForecaster f = Forecasters.create(spec)) {
            for (int t = 0; t < out.length; t++) {
                out[t] = f.observe(sine(t), t == 0 ? Float.NaN : sine(t)[0]);
            }
        }
        return bits(out);
    }

    private static float[] sine(int t) {
        float[] x = new float[5];
        for (int j = 0; j < 5; j++) {
            x[j] = (float) (StrictMath.sin(0.1 * (t - j)) * (1 + 0.1 * j));
        }
        return x;
    }

    /** @return the engine payload inside a snapshot envelope (magic, version, engine, spec, length, payload, CRC) */
    private static byte[] payloadOf(byte[] snapshot) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
        in.readInt();
        in.readUnsignedShort();
        in.readUTF();
        in.skipNBytes(5 * Integer.BYTES + Double.BYTES + Long.BYTES);
        return in.readNBytes(in.readInt());
    }

    private static float[] feed(OnlineForecaster f, float[][] xs, float[] ys, int from, int to) {
        float[] out = new float[to - from];
        for (int t = from; t < to; t++) {
            out[t - from] = f.observe(xs[t], t == 0 ? Float.NaN : ys[t - 1]);
        }
        return out;
    }

    private static float[][] copy(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i].clone();
        }
        return out;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
