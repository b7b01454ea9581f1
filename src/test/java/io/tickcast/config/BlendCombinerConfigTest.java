package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.pipeline.Combiner;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The {@code blend.combiner} key: its default, its mapping onto the blend settings and its validation. */
class BlendCombinerConfigTest {

    @Test
    void shouldDefaultToAdaHedge() {
        assertThat(TickcastConfig.of(Map.of()).pipelineSettings().blend().combiner()).isEqualTo(Combiner.ADAHEDGE);
    }

    @Test
    void shouldMapMlPolyOntoTheBlendSettings() {
        TickcastConfig config = TickcastConfig.of(Map.of(PipelineKeys.BLEND_COMBINER, "mlpoly"));

        assertThat(config.pipelineSettings().blend().combiner()).isEqualTo(Combiner.MLPOLY);
        assertThat(config.pipelineSettings().blend().combine()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownCombinerByKeyName() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of(PipelineKeys.BLEND_COMBINER, "boa")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("blend.combiner");
    }
}
