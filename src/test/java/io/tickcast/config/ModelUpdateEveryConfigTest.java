package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ModelUpdateEveryConfigTest {

    @Test
    void shouldStepOnEveryPointByDefault() {
        assertThat(TickcastConfig.of(Map.of()).pipelineSettings().forecaster().updateEvery()).isEqualTo(1);
    }

    @Test
    void shouldPassUpdateEveryToTheForecasterSpec() {
        TickcastConfig config = TickcastConfig.of(Map.of("model.update.every", "8"));

        assertThat(config.pipelineSettings().forecaster().updateEvery()).isEqualTo(8);
    }

    @Test
    void shouldNameTheKeyOfABadUpdateEvery() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.update.every", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.update.every");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.update.every", "often")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.update.every");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.window", "16", "model.bptt", "8",
                "model.update.every", "10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.update.every")
                .hasMessageContaining("model.window");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.engine", "dl4j", "model.update.every", "2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.update.every")
                .hasMessageContaining("model.engine=fast");
    }
}
