package io.tickcast.model.leak;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks that {@link LstmCellLoop} computes the same gradients as the fused {@code lstmLayer_bp} op on the same
 * inputs: prints the largest absolute difference and the largest magnitude of each gradient. A main, not a test;
 * arguments {@code [sL [nOut]]}, defaults 32 32.
 */
public final class LstmCellLoopCheck {

    private static final int N_IN = 5;

    private LstmCellLoopCheck() {
    }

    public static void main(String[] args) {
        int sL = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int nOut = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, sL, 1, N_IN);
        INDArray wx = Nd4j.rand(DataType.FLOAT, N_IN, 4 * nOut).subi(0.5);
        INDArray wr = Nd4j.rand(DataType.FLOAT, nOut, 4 * nOut).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 4 * nOut).subi(0.5);
        INDArray dLdh = Nd4j.rand(DataType.FLOAT, sL, 1, nOut).subi(0.5);
        INDArray[] fused = {Nd4j.zeros(DataType.FLOAT, sL, 1, N_IN), Nd4j.zeros(DataType.FLOAT, N_IN, 4 * nOut),
            Nd4j.zeros(DataType.FLOAT, nOut, 4 * nOut), Nd4j.zeros(DataType.FLOAT, 4 * nOut)};
        Nd4j.exec(DynamicCustomOp.builder("lstmLayer_bp")
                .addInputs(x, wx, wr, bias, dLdh)
                .addOutputs(fused)
                .addIntegerArguments(0, 0, 2, 0, 0)
                .addBooleanArguments(true, false, false, false, false, true, false, false)
                .addFloatingPointArguments(0.0)
                .build());
        LstmCellLoop loop = new LstmCellLoop(x, wx, wr, bias, dLdh);
        loop.run();
        loop.run();
        INDArray[] looped = {loop.dLdx, loop.dLdWx, loop.dLdWr, loop.dLdb};
        String[] names = {"dLdx", "dLdWx", "dLdWr", "dLdb"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%s: max |fused - cell loop| = %.3g, max |fused| = %.3g%n", names[i],
                    fused[i].sub(looped[i]).amaxNumber().doubleValue(), fused[i].amaxNumber().doubleValue());
        }
    }
}
