package io.tickcast.model;

/**
 * The argument checks every engine applies to what the {@link OnlineForecaster} contract receives: one NaN in the
 * features would ruin a model's weights for good, so bad input is refused before it reaches them.
 */
public final class ForecasterInputs {

    private ForecasterInputs() {
    }

    /** @throws IllegalArgumentException if {@code features} is null, of another length, or not all finite */
    public static void checkFeatures(float[] features, int inputSize) {
        if (features == null || features.length != inputSize) {
            throw new IllegalArgumentException("features must have length " + inputSize + ", was "
                    + (features == null ? "null" : features.length));
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("features[" + i + "] must be finite, was " + features[i]);
            }
        }
    }

    /** @throws IllegalArgumentException if {@code target} is infinite (NaN means "no target" and is allowed) */
    public static void checkTarget(float target) {
        if (Float.isInfinite(target)) {
            throw new IllegalArgumentException("target must be finite or NaN (no target), was " + target);
        }
    }

    /** @throws IllegalArgumentException if a learning-rate factor is not finite and positive */
    public static void checkFactor(double factor) {
        if (!Double.isFinite(factor) || factor <= 0) {
            throw new IllegalArgumentException("factor must be finite and > 0, was " + factor);
        }
    }
}
