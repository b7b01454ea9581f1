package io.tickcast.model.fast;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves parameters (or gradients) between a DL4J reference network ({@code l_W [nIn,4H]}, {@code l_RW [H,4H]},
 * {@code l_b [4H]} per LSTM layer, then {@code L_W [H,1]}, {@code L_b [1]}) and the fast network. Both use
 * DL4J's gate order, so this is a change of memory layout only.
 */
final class Dl4jLayout {

    private Dl4jLayout() {
    }

    /** Copies the reference network's parameters into the fast network. */
    static void copyFrom(MultiLayerNetwork source, FastNetwork net) {
        for (int l = 0; l < net.layers.length; l++) {
            LstmLayer layer = net.layers[l];
            readLayer(source.getParam(l + "_W"), source.getParam(l + "_RW"), source.getParam(l + "_b"),
                    layer.weights, layer.bias, layer.nIn);
        }
        int out = net.layers.length;
        readHead(source.getParam(out + "_W"), source.getParam(out + "_b"), net.headWeights, net.headBias);
    }

    /** Reads DL4J-shaped arrays (parameters or gradients) of one LSTM layer into fast-shaped rows. */
    static void readLayer(INDArray w, INDArray rw, INDArray b, float[][] rows, float[] bias, int nIn) {
        float[][] wm = w.toFloatMatrix();
        float[][] rwm = rw.toFloatMatrix();
        for (int i = 0; i < wm.length; i++) {
            System.arraycopy(wm[i], 0, rows[i], 0, wm[i].length);
        }
        for (int i = 0; i < rwm.length; i++) {
            System.arraycopy(rwm[i], 0, rows[nIn + i], 0, rwm[i].length);
        }
        float[] bv = b.toFloatVector();
        System.arraycopy(bv, 0, bias, 0, bv.length);
    }

    /** Reads the DL4J output layer's weight and bias (or their gradients). */
    static void readHead(INDArray w, INDArray b, float[] weights, float[] bias) {
        float[] wv = w.toFloatVector();
        System.arraycopy(wv, 0, weights, 0, weights.length);
        bias[0] = b.toFloatVector()[0];
    }

    /**
     * Writes the fast network's parameters into the reference network, so both compute the same function.
     * Vectors are written by linear index: DL4J keeps {@code b} as a rank-1 view, on which
     * {@code putScalar(0, j, v)} does not address element j.
     */
    static void copyTo(FastNetwork net, MultiLayerNetwork target) {
        for (int l = 0; l < net.layers.length; l++) {
            LstmLayer layer = net.layers[l];
            INDArray w = target.getParam(l + "_W");
            INDArray rw = target.getParam(l + "_RW");
            INDArray b = target.getParam(l + "_b");
            for (int j = 0; j < 4 * layer.hidden; j++) {
                for (int i = 0; i < layer.nIn; i++) {
                    w.putScalar(i, j, layer.weights[i][j]);
                }
                for (int i = 0; i < layer.hidden; i++) {
                    rw.putScalar(i, j, layer.weights[layer.nIn + i][j]);
                }
                b.putScalar(j, layer.bias[j]);
            }
        }
        int out = net.layers.length;
        INDArray w = target.getParam(out + "_W");
        for (int u = 0; u < net.hidden; u++) {
            w.putScalar(u, net.headWeights[u]);
        }
        target.getParam(out + "_b").putScalar(0, net.headBias[0]);
    }
}
