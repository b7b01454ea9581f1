package io.tickcast.model.fast;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.dl4j.Dl4jNetworks;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast network against the reference DL4J {@code MultiLayerNetwork} with the same weights: outputs, loss,
 * gradient of every parameter and the parameters after one Adam step agree within 1e-4.
 */
class FastNetworkMatchesDl4jTest {

    private static final double TOLERANCE = 1e-4;
    private static final ForecasterSpec REFERENCE = new ForecasterSpec("fast", 5, 32, 1, 32, 32, 1e-2, 42L);
    private static final ForecasterSpec STACKED = new ForecasterSpec("fast", 4, 12, 2, 10, 10, 1e-2, 3L);

    @Test
    void shouldMatchTheReferenceNetworkOutputsGradientsAndAdamStep() {
        checkAgainstDl4j(REFERENCE);
    }

    @Test
    void shouldMatchTheReferenceNetworkWithTwoStackedLayers() {
        checkAgainstDl4j(STACKED);
    }

    @Test
    void shouldStartFromTheSeededDl4jInitialWeights() {
        MultiLayerNetwork reference = Dl4jNetworks.create(REFERENCE);
        FastForecaster fast = FastForecaster.create(REFERENCE);
        MultiLayerNetwork exported = Dl4jNetworks.create(REFERENCE.withBpttHorizon(1).withEngine("dl4j"));
        exported.params().assign(0);
        fast.exportWeights(exported);
        assertThat(exported.params().toFloatVector()).containsExactly(reference.params().toFloatVector());
        float forgetBias = reference.getParam("0_b").getFloat(REFERENCE.hiddenSize());
        assertThat(forgetBias).isEqualTo(1f);
    }

    private static void checkAgainstDl4j(ForecasterSpec spec) {
        int steps = spec.window();
        MultiLayerNetwork reference = Dl4jNetworks.create(spec);
        FastNetwork fast = new FastNetwork(spec.inputSize(), spec.hiddenSize(), spec.layers(), steps);
        Dl4jLayout.copyFrom(reference, fast);
        fast.parametersChanged();
        SplittableRandom random = new SplittableRandom(spec.seed());
        INDArray x = Nd4j.create(DataType.FLOAT, 1, spec.inputSize(), steps);
        INDArray y = Nd4j.create(DataType.FLOAT, 1, 1, steps);
        for (int s = 0; s < steps; s++) {
            fast.xs[s] = new float[spec.inputSize()];
            for (int f = 0; f < spec.inputSize(); f++) {
                float v = (float) (random.nextDouble() * 2 - 1);
                x.putScalar(0, f, s, v);
                fast.xs[s][f] = v;
            }
            float target = (float) (random.nextDouble() - 0.5);
            y.putScalar(0, 0, s, target);
            fast.targets[s] = target;
        }
        float[][] zeroState = new float[spec.layers()][spec.hiddenSize()];
        fast.forward(steps, zeroState, zeroState);
        float[] expectedOut = reference.output(x).reshape(steps).toFloatVector();
        assertClose("output", java.util.Arrays.copyOf(fast.outputs, steps), expectedOut);

        float loss = fast.backward();
        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        assertThat(loss).isCloseTo((float) reference.score(), org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertClose("gradient", flatten(fast.grads), flatten(dl4jGradient(reference.gradient(), fast)));

        Adam adam = new Adam(fast.params, Dl4jNetworks.BETA1, Dl4jNetworks.BETA2, Dl4jNetworks.EPSILON);
        adam.step(fast.params, fast.grads, spec.learningRate());
        reference.fit(new DataSet(x, y));
        FastNetwork afterFit = new FastNetwork(spec.inputSize(), spec.hiddenSize(), spec.layers(), steps);
        Dl4jLayout.copyFrom(reference, afterFit);
        assertClose("parameters after one Adam step", flatten(fast.params), flatten(afterFit.params));
        reference.close();
    }

    /** @return DL4J's gradient in the fast network's shapes (written into a scratch network's parameters) */
    private static float[][] dl4jGradient(Gradient gradient, FastNetwork fast) {
        FastNetwork scratch = new FastNetwork(fast.inputSize, fast.hidden, fast.layers.length, 1);
        for (int l = 0; l < fast.layers.length; l++) {
            LstmLayer layer = scratch.layers[l];
            Dl4jLayout.readLayer(gradient.getGradientFor(l + "_W"), gradient.getGradientFor(l + "_RW"),
                    gradient.getGradientFor(l + "_b"), layer.weights, layer.bias, layer.nIn);
        }
        int out = fast.layers.length;
        Dl4jLayout.readHead(gradient.getGradientFor(out + "_W"), gradient.getGradientFor(out + "_b"),
                scratch.headWeights, scratch.headBias);
        return scratch.params;
    }

    /** @return the rows one after another (also used by {@code FastForecasterTest}) */
    static float[] flatten(float[][] rows) {
        float[] flat = new float[FloatArrays.count(rows)];
        int i = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, flat, i, row.length);
            i += row.length;
        }
        return flat;
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (diff > worst) {
                worst = diff;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: largest difference at index %d", what, worstAt).isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxAbs(expected)).as("%s must not be trivially zero", what).isGreaterThan(1e-3);
    }

    private static double maxAbs(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
