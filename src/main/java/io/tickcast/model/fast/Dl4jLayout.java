package io.tickcast.model.fast;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves parameters (or gradients) between a DL4J reference network ({@code l_W [nIn,4H]}, {@code l_RW [H,4H]},
 * {@code l_b [1,4H]} per LSTM layer, then {@code L_W [H,1]}, {@code L_b [1,1]}) and the fast layout. Both use
 * DL4J's gate order, so this is a change of memory layout only.
 */
final class Dl4jLayout {

    private Dl4jLayout() {
    }

    /** Copies the network's parameters into {@code net.params}. */
    static void copyFrom(MultiLayerNetwork source, FastNetwork net) {
        for (int l = 0; l < net.layers.length; l++) {
            readInto(source.getParam(l + "_W"), source.getParam(l + "_RW"), source.getParam(l + "_b"),
                    net.layers[l], net.params);
        }
        int out = net.layers.length;
        readHead(source.getParam(out + "_W"), source.getParam(out + "_b"), net, net.params);
    }

    /** Reads DL4J-shaped arrays (parameters or gradients) of one LSTM layer into {@code dest}. */
    static void readInto(INDArray w, INDArray rw, INDArray b, LstmLayer layer, float[] dest) {
        float[][] wm = w.toFloatMatrix();
        float[][] rwm = rw.toFloatMatrix();
        float[] bv = b.toFloatVector();
        for (int i = 0; i < layer.nIn; i++) {
            for (int j = 0; j < 4 * layer.hidden; j++) {
                dest[layer.inputWeightIndex(i, j)] = wm[i][j];
            }
        }
        for (int i = 0; i < layer.hidden; i++) {
            for (int j = 0; j < 4 * layer.hidden; j++) {
                dest[layer.recurrentWeightIndex(i, j)] = rwm[i][j];
            }
        }
        for (int j = 0; j < 4 * layer.hidden; j++) {
            dest[layer.biasIndex(j)] = bv[j];
        }
    }

    /** Reads the DL4J output layer's weight and bias (or their gradients) into {@code dest}. */
    static void readHead(INDArray w, INDArray b, FastNetwork net, float[] dest) {
        float[] wv = w.toFloatVector();
        for (int u = 0; u < net.hidden; u++) {
            dest[net.headWeightIndex(u)] = wv[u];
        }
        dest[net.headBiasIndex()] = b.getFloat(0);
    }

    /** Writes {@code net.params} into the reference network, so both compute the same function. */
    static void copyTo(FastNetwork net, MultiLayerNetwork target) {
        for (int l = 0; l < net.layers.length; l++) {
            LstmLayer layer = net.layers[l];
            INDArray w = target.getParam(l + "_W");
            INDArray rw = target.getParam(l + "_RW");
            INDArray b = target.getParam(l + "_b");
            for (int j = 0; j < 4 * layer.hidden; j++) {
                for (int i = 0; i < layer.nIn; i++) {
                    w.putScalar(i, j, net.params[layer.inputWeightIndex(i, j)]);
                }
                for (int i = 0; i < layer.hidden; i++) {
                    rw.putScalar(i, j, net.params[layer.recurrentWeightIndex(i, j)]);
                }
                b.putScalar(0, j, net.params[layer.biasIndex(j)]);
            }
        }
        int out = net.layers.length;
        INDArray w = target.getParam(out + "_W");
        for (int u = 0; u < net.hidden; u++) {
            w.putScalar(u, 0, net.params[net.headWeightIndex(u)]);
        }
        target.getParam(out + "_b").putScalar(0, 0, net.params[net.headBiasIndex()]);
    }
}
