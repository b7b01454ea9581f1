package io.tickcast.model.leak;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of {@code lstmLayer_bp} (TNS layout {@code [sL, 1, nIn]}, sigmoid gates, tanh cell and output,
 * biases, no peepholes, no initial state, gradient for every step) computed instead by a Java loop over the
 * single-step ops {@code lstmLayerCell} (forward, sL calls) and {@code lstmLayerCellBp} (backward, sL calls), which
 * build no {@code ResultSet} in ND4J 1.0.0-M2.1 and so do not hit its view leak.
 *
 * <p>It relies on an implementation detail of {@code lstmLayerCellBp} in 1.0.0-M2.1 (libnd4j
 * {@code helpers::lstmLayerCellBp}): the outputs dLdWx, dLdWr and dLdb are accumulated into ({@code +=}), and the
 * outputs dLdhI and dLdcI are read as the gradient flowing in from the next step before being overwritten with the
 * gradient for the previous one. The loop therefore zeroes those five arrays once and passes the same arrays to every
 * step, as libnd4j's own {@code lstmLayerTimeLoopBp} does. All arrays and ops are created once; {@link #run()}
 * allocates nothing on the Java side except ND4J's per-call op contexts. Not thread-safe.
 */
final class LstmCellLoop {

    private static final int N_IN = 5;

    private final int sL;
    private final DynamicCustomOp[] forward;
    private final DynamicCustomOp[] backward;
    private final INDArray[] accumulators;

    /** Gradients: dL/dx {@code [sL, 1, nIn]}, dL/dWx, dL/dWr, dL/db, in the order of {@code lstmLayer_bp}'s outputs. */
    final INDArray dLdx;
    final INDArray dLdWx;
    final INDArray dLdWr;
    final INDArray dLdb;

    LstmCellLoop(INDArray x, INDArray wx, INDArray wr, INDArray bias, INDArray dLdh) {
        sL = (int) x.size(0);
        int nOut = (int) wr.size(0);
        INDArray h = Nd4j.zeros(DataType.FLOAT, sL + 1, 1, nOut);
        INDArray c = Nd4j.zeros(DataType.FLOAT, sL + 1, 1, nOut);
        dLdx = Nd4j.zeros(DataType.FLOAT, sL, 1, N_IN);
        dLdWx = Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut);
        dLdWr = Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut);
        dLdb = Nd4j.zeros(DataType.FLOAT, 4 * nOut);
        INDArray dLdhCarry = Nd4j.zeros(DataType.FLOAT, 1, nOut);
        INDArray dLdcCarry = Nd4j.zeros(DataType.FLOAT, 1, nOut);
        accumulators = new INDArray[] {dLdWx, dLdWr, dLdb, dLdhCarry, dLdcCarry};
        forward = new DynamicCustomOp[sL];
        backward = new DynamicCustomOp[sL];
        for (int t = 0; t < sL; t++) {
            forward[t] = cellOp("lstmLayerCell")
                    .addInputs(x.slice(t), wx, wr, bias, h.slice(t), c.slice(t))
                    .addOutputs(h.slice(t + 1), c.slice(t + 1))
                    .build();
            backward[t] = cellOp("lstmLayerCellBp")
                    .addInputs(x.slice(t), wx, wr, bias, h.slice(t), c.slice(t), dLdh.slice(t))
                    .addOutputs(dLdx.slice(t), dLdWx, dLdWr, dLdb, dLdhCarry, dLdcCarry)
                    .build();
        }
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder cellOp(String name) {
        return DynamicCustomOp.builder(name)
                .addIntegerArguments(2, 0, 0)
                .addBooleanArguments(true, false)
                .addFloatingPointArguments(0.0);
    }

    /** One full forward and backward pass; afterwards the gradient fields hold this pass's gradients. */
    void run() {
        for (INDArray a : accumulators) {
            a.assign(0);
        }
        for (int t = 0; t < sL; t++) {
            Nd4j.exec(forward[t]);
        }
        for (int t = sL - 1; t >= 0; t--) {
            Nd4j.exec(backward[t]);
        }
    }
}
