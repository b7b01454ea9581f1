package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.tickcast.config.TickcastConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** A checkpoint that cannot be a Kafka record is refused at start, naming the key, not found by a crash loop. */
class CheckpointSizeTest {

    @Test
    void shouldAcceptTheDefaultModelWithRoomToSpare() {
        long largest = CheckpointSize.check(TickcastConfig.of(Map.of()));

        assertThat(largest).isBetween(50_000L, 400_000L);
    }

    @Test
    void shouldRefuseAModelWhoseCheckpointExceedsAKafkaRecordNamingTheKey() {
        assertThatThrownBy(() -> CheckpointSize.check(TickcastConfig.of(Map.of("model.hidden", "192"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 192 for configuration model.hidden: a checkpoint of this model"
                        + " takes up to")
                .hasMessageContaining("max.request.size 1,048,576");
    }

    @Test
    void shouldCountTheSecondModelOfAChallengerOrARollback() {
        long none = CheckpointSize.largestCheckpoint(TickcastConfig.of(Map.of()).pipelineSettings());
        long challenger = CheckpointSize.largestCheckpoint(
                TickcastConfig.of(Map.of("drift.response", "challenger")).pipelineSettings());

        assertThat(challenger).isGreaterThan(none + 40_000);
    }

    @Test
    void shouldAcceptALargerModelWhenTheProducerAndTheTopicTakeLargerRecords() {
        Map<String, String> big = Map.of("model.hidden", "192", "kafka.max.request.size", "8000000",
                "kafka.topic.max.message.bytes", "8000000");

        assertThat(CheckpointSize.check(TickcastConfig.of(big))).isGreaterThan(1_048_576L);
        assertThatThrownBy(() -> CheckpointSize.check(TickcastConfig.of(Map.of("model.hidden", "192",
                "kafka.max.request.size", "8000000"))))
                .as("the changelog topic's limit still applies").isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> CheckpointSize.check(TickcastConfig.of(Map.of("model.hidden", "192",
                "kafka.max.request.size", "8000000", "kafka.max.message.bytes", "8000000"))))
                .as("a topic key reaches the changelogs only with the topic. prefix")
                .isInstanceOf(ConfigException.class);
    }
}
