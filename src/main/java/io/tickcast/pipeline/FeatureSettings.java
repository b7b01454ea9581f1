package io.tickcast.pipeline;

/**
 * How point features are computed and scaled online.
 *
 * @param scalerFading     fading factor of the running mean and variance of the log-returns (and of the
 *                         log time gaps) used to scale them, in (0, 1); memory about 1/(1−λ) points
 * @param volatilityAlpha  weight of the newest squared return in the EWMA volatility, in (0, 1]
 * @param shortEwmaAlpha   weight of the newest scaled return in the short EWMA feature, in (0, 1]
 * @param longEwmaAlpha    weight of the newest scaled return in the long EWMA feature, in (0, 1]
 * @param clip             scaled features and the target are clipped to [−clip, clip], > 0
 */
public record FeatureSettings(double scalerFading, double volatilityAlpha, double shortEwmaAlpha,
                              double longEwmaAlpha, double clip) {

    /** @throws IllegalArgumentException naming the first invalid field */
    public FeatureSettings {
        Checks.open01("features.scaler.fading", scalerFading);
        Checks.halfOpen01("features.volatility.alpha", volatilityAlpha);
        Checks.halfOpen01("features.ewma.short.alpha", shortEwmaAlpha);
        Checks.halfOpen01("features.ewma.long.alpha", longEwmaAlpha);
        Checks.positive("features.clip", clip);
    }

    public static FeatureSettings defaults() {
        return new FeatureSettings(0.999, 0.06, 0.3, 0.03, 8.0);
    }
}
