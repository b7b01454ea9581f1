package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.tickcast.config.TickcastConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static Object producerLinger(Map<String, String> settings) {
        StreamsConfig streams = new StreamsConfig(TickcastService.streamsProperties(TickcastConfig.of(settings)));
        return streams.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG);
    }

    @Test
    void shouldKeepKafkaStreamsOwnProducerLingerUnlessConfigured() {
        assertThat(producerLinger(Map.of())).isEqualTo("100");
    }

    @Test
    void shouldPassTheUsersProducerSettingsWithOrWithoutTheProducerPrefix() {
        assertThat(producerLinger(Map.of("kafka.linger.ms", "50"))).isEqualTo("50");
        assertThat(producerLinger(Map.of("kafka.producer.linger.ms", "20"))).isEqualTo("20");
    }

    @Test
    void shouldKeepExactlyOnceAsTheDefaultGuarantee() {
        assertThat(TickcastService.streamsProperties(TickcastConfig.of(Map.of()))
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldKeepTheWindowStoresChangelogsAnHourPastTheirRetentionUnlessConfigured() {
        String key = StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG;
        assertThat(new StreamsConfig(TickcastService.streamsProperties(TickcastConfig.of(Map.of()))).getLong(key))
                .as("Kafka Streams' own default is a day").isEqualTo(3_600_000L);
        assertThat(new StreamsConfig(TickcastService.streamsProperties(TickcastConfig.of(Map.of("kafka." + key,
                "86400000")))).getLong(key)).isEqualTo(86_400_000L);
    }

    @Test
    void shouldWarnWhenTheNd4jEngineIsGivenSeveralStreamThreads() {
        assertThat(TickcastService.engineAdvice(TickcastConfig.of(Map.of("model.engine", "nd4j",
                "kafka.num.stream.threads", "2")))).hasValueSatisfying(advice -> assertThat(advice)
                .contains("kafka.num.stream.threads=2").contains("one instance per core"));
        assertThat(TickcastService.engineAdvice(TickcastConfig.of(Map.of("model.engine", "nd4j")))).isEmpty();
        assertThat(TickcastService.engineAdvice(TickcastConfig.of(Map.of("kafka.num.stream.threads", "2"))))
                .as("the fast engine's models share nothing").isEmpty();
    }
}
