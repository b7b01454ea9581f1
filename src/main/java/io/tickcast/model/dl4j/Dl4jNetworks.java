package io.tickcast.model.dl4j;

import io.tickcast.model.ForecasterSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reference network of a spec: {@code layers} DL4J {@code LSTM} layers (tanh, sigmoid gates, forget-gate
 * bias 1) and an {@code RnnOutputLayer} (identity, MSE, one output), float32, Adam, Xavier init, seeded.
 */
public final class Dl4jNetworks {

    /** Adam's defaults, as DL4J's {@code Adam} config has them. */
    public static final double BETA1 = Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY;
    public static final double BETA2 = Adam.DEFAULT_ADAM_BETA2_VAR_DECAY;
    public static final double EPSILON = Adam.DEFAULT_ADAM_EPSILON;

    private Dl4jNetworks() {
    }

    /** @return the configuration of the reference network for {@code spec} */
    public static MultiLayerConfiguration configuration(ForecasterSpec spec) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.learningRate(), BETA1, BETA2, EPSILON))
                .list();
        int nIn = spec.inputSize();
        for (int l = 0; l < spec.layers(); l++) {
            list.layer(new LSTM.Builder().nIn(nIn).nOut(spec.hiddenSize())
                    .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
                    .forgetGateBiasInit(1.0).build());
            nIn = spec.hiddenSize();
        }
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).nIn(nIn).nOut(1).build());
        return list.build();
    }

    /**
     * Builds and initialises the reference network; ND4J is first set to one thread.
     *
     * @return an initialised network with the seeded DL4J weight initialisation
     */
    public static MultiLayerNetwork create(ForecasterSpec spec) {
        useOneNd4jThread();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec));
        net.init();
        return net;
    }

    /**
     * Sets ND4J's native op parallelism and its BLAS to one thread; parallelism comes from running models side
     * by side. (On a shared 2-core machine, OpenMP/OpenBLAS threads spinning against each other made the naive
     * loop several times slower.) Process-wide and idempotent.
     */
    public static void useOneNd4jThread() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }
}
