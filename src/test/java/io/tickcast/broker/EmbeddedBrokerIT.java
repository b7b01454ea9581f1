package io.tickcast.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(0);
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void shouldServePlainClientsOnLocalhostPort() throws Exception {
        broker.createTopics(3, "plain");
        produce("plain", List.of("a", "b", "c"));

        assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + broker.port());
        assertThat(consumeAll("plain", 3)).containsExactlyInAnyOrder("a", "b", "c");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.describeTopics(Set.of("plain")).allTopicNames().get().get("plain").partitions())
                    .hasSize(3);
        }
    }

    @Test
    void shouldIgnoreTopicsThatExistAlready() throws Exception {
        broker.createTopics(1, "twice");
        broker.createTopics(3, "twice");

        assertThat(broker.isRunning()).isTrue();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.describeTopics(Set.of("twice")).allTopicNames().get().get("twice").partitions())
                    .as("the existing topic, unchanged").hasSize(1);
        }
    }

    @Test
    void shouldKeepRecordsAndPortAcrossRestart() throws Exception {
        broker.createTopics(1, "durable");
        produce("durable", List.of("before"));
        int port = broker.port();

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(canConnect(port)).isFalse();
        broker.start();

        assertThat(broker.port()).isEqualTo(port);
        produce("durable", List.of("after"));
        assertThat(consumeAll("durable", 2)).containsExactly("before", "after");
    }

    @Test
    void shouldReopenAGivenDataDirectoryWithItsRecords(@TempDir Path dataDir) throws Exception {
        try (EmbeddedBroker first = EmbeddedBroker.builder().port(0).dataDir(dataDir).start()) {
            first.createTopics(1, "kept");
            produce(first, "kept", List.of("first run"));
        }
        try (EmbeddedBroker second = EmbeddedBroker.builder().port(0).dataDir(dataDir).start()) {
            produce(second, "kept", List.of("second run"));
            assertThat(consumeAll(second, "kept", 2)).containsExactly("first run", "second run");
        }
        assertThat(dataDir).isNotEmptyDirectory();
    }

    @Test
    void shouldFailClearlyWhenPortIsTaken() {
        assertThatThrownBy(() -> EmbeddedBroker.start(broker.port()))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining(Integer.toString(broker.port()))
                .hasMessageContaining("in use");
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void produce(String topic, List<String> values) throws Exception {
        produce(broker, topic, values);
    }

    private static void produce(EmbeddedBroker target, String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static List<String> consumeAll(String topic, int expected) {
        return consumeAll(broker, topic, expected);
    }

    private static List<String> consumeAll(EmbeddedBroker source, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(),
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
