package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.tickcast.config.TickcastConfig;
import org.junit.jupiter.api.Test;

class MultiInstanceConfigTest {

    @Test
    void shouldLoadTheMultiInstanceConfigWithAStandbyReplicaAndQuickFailureDetection() throws Exception {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config", "multi-instance.properties"), StandardCharsets.UTF_8)) {
            file.load(in);
        }

        TickcastConfig config = TickcastConfig.load(file, Map.of(), Map.of());

        assertThat(config.kafkaProperties()).containsEntry("num.standby.replicas", "1")
                .containsEntry("session.timeout.ms", "6000").containsEntry("heartbeat.interval.ms", "1500");
        assertThat(config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(config.getInt(TickcastConfig.TOPICS_PARTITIONS_CONFIG)).isGreaterThanOrEqualTo(2);
    }
}
