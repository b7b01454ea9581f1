package io.tickcast.service;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.tickcast.config.TickcastConfig;
import io.tickcast.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;

/** Plain Kafka clients, configured as a user would: what the integration tests publish and read with. */
public final class KafkaClients {

    private KafkaClients() {
    }

    public static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1),
                Serdes.String().serializer(), Serdes.String().serializer());
    }

    /** A {@code read_committed} consumer of a whole topic, from the beginning. */
    public static <V> KafkaConsumer<String, V> consumer(String bootstrap, String topic, Deserializer<V> values) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Serdes.String().deserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Polls until {@code done} holds for everything read so far, or the timeout passes.
     *
     * @return every record read
     */
    public static <V> List<ConsumerRecord<String, V>> readUntil(KafkaConsumer<String, V> consumer, Duration timeout,
                                                                Predicate<List<ConsumerRecord<String, V>>> done) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /**
     * The configuration of an application of its own on {@code broker}: application id {@code name}, its topics
     * prefixed with it ({@code name-ticks}, ...), one partition, a free HTTP port.
     *
     * @return a mutable map, to add to
     */
    public static Map<String, String> appConfig(KafkaBroker broker, String name) {
        Map<String, String> values = new HashMap<>();
        values.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        values.put(TickcastConfig.APPLICATION_ID_CONFIG, name);
        values.put(TickcastConfig.HTTP_PORT_CONFIG, "0");
        values.put(TickcastConfig.TOPICS_PARTITIONS_CONFIG, "1");
        for (String t : List.of("ticks", "predictions", "drift.metrics", "drift.events", "dlq")) {
            values.put("topic." + t, name + "-" + t);
        }
        return values;
    }

    /** Starts the service and waits until Kafka Streams runs. */
    public static TickcastService started(TickcastConfig config) throws IOException {
        TickcastService service = TickcastService.start(config);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        return service;
    }
}
