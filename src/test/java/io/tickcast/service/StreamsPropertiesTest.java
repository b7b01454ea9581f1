package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

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
    void shouldPutEveryStoreUnderOneMemoryBudgetByDefault() {
        Properties props = TickcastService.streamsProperties(TickcastConfig.of(Map.of()));

        try (RocksDbMemory memory = TickcastService.boundRocksDbMemory(props, TickcastConfig.of(Map.of()))) {
            assertThat(memory.limitBytes()).isEqualTo(64L << 20);
            assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbConfig.class);
            assertThat(props.get(RocksDbMemory.CONFIG_KEY)).isSameAs(memory);
        }
    }

    @Test
    void shouldLeaveTheStoresToKafkaStreamsOrToTheUsersSetterWhenAskedTo() {
        TickcastConfig off = TickcastConfig.of(Map.of("state.rocksdb.memory.mb", "0"));
        Properties offProps = TickcastService.streamsProperties(off);
        TickcastConfig own = TickcastConfig.of(Map.of("kafka.rocksdb.config.setter", "com.example.MySetter"));
        Properties ownProps = TickcastService.streamsProperties(own);

        assertThat(TickcastService.boundRocksDbMemory(offProps, off)).isNull();
        assertThat(offProps).doesNotContainKeys(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.CONFIG_KEY);
        assertThat(TickcastService.boundRocksDbMemory(ownProps, own)).isNull();
        assertThat(ownProps.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("com.example.MySetter");
    }
}
