package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** {@code model.engine=nd4j} is accepted; what it cannot do fails at start, naming the key. */
class Nd4jEngineConfigTest {

    @Test
    void shouldAcceptTheNd4jEngine() {
        assertThat(TickcastConfig.of(Map.of("model.engine", "nd4j", "model.bptt", "1")).pipelineSettings().forecaster()
                .engine()).isEqualTo("nd4j");
    }

    @Test
    void shouldRefuseMoreThanOneLayerWithTheNd4jEngineNamingTheKey() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.engine", "nd4j", "model.layers", "2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.layers")
                .hasMessageContaining("model.engine");
    }

    @Test
    void shouldRefuseMicroBatchesWithTheNd4jEngineNamingTheKey() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.engine", "nd4j", "model.update.every", "2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.update.every")
                .hasMessageContaining("model.engine=fast");
    }
}
