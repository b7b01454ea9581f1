package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;

/**
 * Everything tunable in a {@link SymbolPipeline}. Immutable; validated on construction.
 *
 * @param forecaster the model; its {@code inputSize} must be {@link FeatureExtractor#FEATURES}
 * @param features   feature computation and online scaling
 * @param quality    quality figures, baselines and intervals
 * @param blend      blending toward the naive forecast
 * @param detectors  drift detectors
 * @param response   drift response
 */
public record PipelineSettings(ForecasterSpec forecaster, FeatureSettings features, QualitySettings quality,
                               BlendSettings blend, DetectorSettings detectors, ResponseSettings response) {

    /** The default forecaster: the model package's recommended spec (fast engine) with the pipeline's 5 features. */
    public static final ForecasterSpec DEFAULT_FORECASTER = ForecasterSpec.defaults();

    /** @throws IllegalArgumentException naming the first invalid field */
    public PipelineSettings {
        Checks.notNull("forecaster", forecaster);
        Checks.notNull("features", features);
        Checks.notNull("quality", quality);
        Checks.notNull("blend", blend);
        Checks.notNull("detectors", detectors);
        Checks.notNull("response", response);
        if (forecaster.inputSize() != FeatureExtractor.FEATURES) {
            throw new IllegalArgumentException("model.input.size must be " + FeatureExtractor.FEATURES
                    + " (the pipeline's features): " + forecaster.inputSize());
        }
    }

    /** @return the defaults chosen on the first half of the bundled minute month (see docs/QUALITY.md) */
    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_FORECASTER, FeatureSettings.defaults(), QualitySettings.defaults(),
                BlendSettings.defaults(), DetectorSettings.defaults(), ResponseSettings.defaults());
    }

    public PipelineSettings withForecaster(ForecasterSpec spec) {
        return new PipelineSettings(spec, features, quality, blend, detectors, response);
    }

    public PipelineSettings withFeatures(FeatureSettings newFeatures) {
        return new PipelineSettings(forecaster, newFeatures, quality, blend, detectors, response);
    }

    public PipelineSettings withQuality(QualitySettings newQuality) {
        return new PipelineSettings(forecaster, features, newQuality, blend, detectors, response);
    }

    public PipelineSettings withBlend(BlendSettings newBlend) {
        return new PipelineSettings(forecaster, features, quality, newBlend, detectors, response);
    }

    public PipelineSettings withDetectors(DetectorSettings newDetectors) {
        return new PipelineSettings(forecaster, features, quality, blend, newDetectors, response);
    }

    public PipelineSettings withResponse(ResponseSettings newResponse) {
        return new PipelineSettings(forecaster, features, quality, blend, detectors, newResponse);
    }
}
