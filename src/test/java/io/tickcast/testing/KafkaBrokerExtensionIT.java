package io.tickcast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerExtensionIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.perClassRestartable();

    @Test
    void shouldInjectTheClassBrokerAsParameter(KafkaBroker broker) {
        assertThat(broker).isSameAs(KAFKA.broker());
        assertThat(broker.bootstrapServers()).startsWith("localhost:");
    }

    @Test
    void shouldDeliverRecordsProducedBeforeAndAfterABrokerRestart(KafkaBroker broker) throws Exception {
        assertThat(broker.supportsRestart()).as(broker.kind() + " broker supports restarts").isTrue();
        broker.createTopics(2, "restart-topic");
        String servers = broker.bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-topic", "k1", "before")).get();

            broker.restart();

            producer.send(new ProducerRecord<>("restart-topic", "k1", "after")).get();
        }

        assertThat(broker.bootstrapServers()).isEqualTo(servers);
        assertThat(consume(servers, "restart-topic", 2)).containsExactly("before", "after");
    }

    private static List<String> consume(String servers, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
