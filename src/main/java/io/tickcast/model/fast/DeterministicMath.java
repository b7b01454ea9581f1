package io.tickcast.model.fast;

/**
 * Activation functions built from IEEE arithmetic only, so they give the same bits on every JVM and CPU
 * ({@code Math.exp} is allowed to differ by an ulp between platforms and intrinsics). Accurate to a few
 * 1e-15 relative in double, far below float precision.
 */
final class DeterministicMath {

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double MAX_ARG = 700.0;

    private DeterministicMath() {
    }

    /** e^x for |x| up to 700 (clamped beyond): range reduction to |r| <= ln2/2 and a degree-11 Taylor series. */
    static double exp(double x) {
        double clamped = x > MAX_ARG ? MAX_ARG : (x < -MAX_ARG ? -MAX_ARG : x);
        double n = Math.rint(clamped * LOG2E);
        double r = (clamped - n * LN2_HI) - n * LN2_LO;
        double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120
                + r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880
                + r * (1.0 / 3628800 + r * (1.0 / 39916800)))))))))));
        return p * Double.longBitsToDouble(((long) n + 1023L) << 52);
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
