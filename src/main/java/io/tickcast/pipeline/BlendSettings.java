package io.tickcast.pipeline;

/**
 * Blending of the model's forecast toward the naive forecast: the emitted log-return is
 * {@code w · r̂} where {@code w ∈ [0, 1]} is the fading least-squares coefficient of the realised
 * log-returns on the model's predicted ones. A model with no skill gets {@code w ≈ 0}: the naive forecast.
 *
 * @param enabled      when false, {@code w = 1} (the raw model)
 * @param fadingFactor fading factor of the least-squares sums, in (0, 1]
 * @param minPoints    scored points before {@code w} leaves 0, >= 0
 */
public record BlendSettings(boolean enabled, double fadingFactor, int minPoints) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public BlendSettings {
        Checks.halfOpen01("blend.fading.factor", fadingFactor);
        Checks.atLeast("blend.min.points", minPoints, 0);
    }

    public static BlendSettings defaults() {
        return new BlendSettings(true, 0.995, 50);
    }
}
