package io.tickcast.model.fast;

/**
 * Activation functions built from IEEE arithmetic only, so they give the same bits on every JVM and CPU
 * ({@code Math.exp} may differ by an ulp between platforms, intrinsics and JIT tiers). exp(x) = 2^m * 2^(j/64)
 * * e^r with |r| <= ln2/128 and a degree-4 polynomial: relative error below 1e-13, far under float precision.
 */
final class DeterministicMath {

    private static final int TABLE_BITS = 6;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final double SCALE = TABLE_SIZE / Math.log(2.0);
    private static final double LN2_HI = 6.93147180369123816490e-01 / TABLE_SIZE;
    private static final double LN2_LO = 1.90821492927058770002e-10 / TABLE_SIZE;
    private static final double MAX_ARG = 700.0;
    /** 2^(j/64), computed once with StrictMath (itself bit-reproducible). */
    private static final double[] POW2_FRACTION = new double[TABLE_SIZE];

    static {
        for (int j = 0; j < TABLE_SIZE; j++) {
            POW2_FRACTION[j] = StrictMath.pow(2.0, j / (double) TABLE_SIZE);
        }
    }

    private DeterministicMath() {
    }

    /** e^x, clamped to |x| <= 700. */
    static double exp(double x) {
        double clamped = x > MAX_ARG ? MAX_ARG : (x < -MAX_ARG ? -MAX_ARG : x);
        double n = Math.rint(clamped * SCALE);
        double r = (clamped - n * LN2_HI) - n * LN2_LO;
        long ni = (long) n;
        double p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
        double twoToM = Double.longBitsToDouble(((ni >> TABLE_BITS) + 1023L) << 52);
        return POW2_FRACTION[(int) (ni & (TABLE_SIZE - 1))] * p * twoToM;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + exp(-x)));
    }

    static float tanh(float x) {
        double e = exp(-2.0 * Math.abs(x));
        double t = (1.0 - e) / (1.0 + e);
        return (float) (x < 0 ? -t : t);
    }
}
