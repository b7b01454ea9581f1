package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.model.ForecasterSpec;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

    @Test
    void shouldBuildValidDefaults() {
        PipelineSettings defaults = PipelineSettings.defaults();

        assertThat(defaults.forecaster().inputSize()).isEqualTo(FeatureExtractor.FEATURES);
        assertThat(defaults.quality().intervalLevel()).isEqualTo(0.9);
    }

    @Test
    void shouldNameTheFieldOfAnInvalidValue() {
        QualitySettings q = QualitySettings.defaults();
        assertThatThrownBy(() -> new QualitySettings(q.fadingFactor(), q.window(), 1.2, q.intervalWindow(),
                q.intervalMinScores(), q.intervalAdaptation(), q.ewmaAlpha(), q.ar1Forgetting()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quality.interval.level");
        DetectorSettings d = DetectorSettings.defaults();
        assertThatThrownBy(() -> new DetectorSettings(true, true, true, d.phDelta(), -1, d.phAlpha(),
                d.phMinPoints(), true, d.adwinDelta(), true, d.kswinAlpha(), d.kswinWindow(), d.kswinStatSize(),
                d.cooldown(), d.seed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drift.ph.lambda");
        assertThatThrownBy(() -> new FeatureSettings(1.0, 0.06, 0.3, 0.03, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features.scaler.fading");
    }

    @Test
    void shouldRejectAForecasterWhoseInputSizeIsNotTheFeatureCount() {
        ForecasterSpec spec = new ForecasterSpec("fast", 3, 8, 1, 16, 4, 0.001, 1L);

        assertThatThrownBy(() -> PipelineSettings.defaults().withForecaster(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.input.size");
    }
}
