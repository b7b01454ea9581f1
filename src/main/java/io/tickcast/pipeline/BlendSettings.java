package io.tickcast.pipeline;

/**
 * Blending of the model's forecast toward the naive forecast: the emitted log-return is
 * {@code w · r̂} where {@code w ∈ [0, 1]} is the fading least-squares coefficient of the realised
 * log-returns on the model's predicted ones, lowered by {@code confidence} standard errors. A model with no
 * skill gets {@code w ≈ 0}: the naive forecast.
 *
 * @param enabled      when false, {@code w = 1} (the raw model)
 * @param fadingFactor fading factor of the least-squares sums, in (0, 1]
 * @param minPoints    scored points before {@code w} leaves 0, >= 0
 * @param confidence   standard errors subtracted from the slope before clipping, >= 0 (0: the plain slope)
 * @param stackAr1     also weigh in the AR(1)-RLS baseline's forecast (a two-regressor fit): the emitted
 *                     log-return is then {@code w·r̂ + v·r̂_AR1}
 * @param combine      aggregate the naive, AR(1)-RLS, raw model and blended forecasts by the rule {@code combiner}
 *                     names (no learning rate to tune in either) and emit the weighted average; ignored when
 *                     {@code enabled} is false
 * @param combiner     the aggregation rule when {@code combine} is true: {@link Combiner#ADAHEDGE} (against the
 *                     best single candidate) or {@link Combiner#MLPOLY} (against the best convex combination)
 */
public record BlendSettings(boolean enabled, double fadingFactor, int minPoints, double confidence,
                            boolean stackAr1, boolean combine, Combiner combiner) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public BlendSettings {
        Checks.halfOpen01("blend.fading.factor", fadingFactor);
        Checks.atLeast("blend.min.points", minPoints, 0);
        Checks.nonNegative("blend.confidence", confidence);
        if (combiner == null) {
            throw new IllegalArgumentException("blend.combiner must be set");
        }
    }

    public static BlendSettings defaults() {
        return new BlendSettings(true, 0.999, 50, 1.0, false, true, Combiner.ADAHEDGE);
    }

    /** @return these settings with another combination rule */
    public BlendSettings withCombiner(Combiner newCombiner) {
        return new BlendSettings(enabled, fadingFactor, minPoints, confidence, stackAr1, combine, newCombiner);
    }
}
