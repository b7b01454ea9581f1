package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.Prediction;
import io.tickcast.stream.JsonSerde;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bar mode, one partition, two symbols. The windowed aggregation and suppress() keep their stream time in processor
 * fields (Kafka Streams' AbstractKStreamTimeWindowAggregateProcessor.observedStreamTime,
 * KTableSuppressProcessor.observedStreamTime), which start at -1 in a new task: a tick late for a bar that was already
 * closed and forecast, arriving first after a restart (or a task migration), opens that bar again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BarRestartIT {

    private static final long T0 = 1_736_208_000_000L; // a multiple of 5 minutes
    private static final long S = 1_000L;
    private static final long M = 60 * S;

    @TempDir
    Path dir;

    private static final Object[][] BEFORE = {
            {"A", T0 + 30 * S, 100.0}, {"B", T0 + M, 200.0}, {"A", T0 + 4 * M + 30 * S, 101.0},
            {"B", T0 + 4 * M + 40 * S, 201.0}, {"A", T0 + 5 * M + 10 * S, 102.0}};
    /** B at 4:50 is newer than B's own latest (4:40), but its bar [0, 5m) closed at 5:10 with A's tick. */
    private static final Object[][] AFTER = {
            {"B", T0 + 4 * M + 50 * S, 250.0}, {"A", T0 + 10 * M + 10 * S, 103.0}, {"B", T0 + 10 * M + 20 * S, 202.0},
            {"A", T0 + 15 * M + 10 * S, 104.0}};

    @Test
    void shouldForecastTheSameBarsWhetherOrNotTheServiceRestarted(KafkaBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> reference = run(broker, "ref-" + suffix, false);
        List<String> restarted = run(broker, "rst-" + suffix, true);
        assertThat(restarted).isEqualTo(reference);
    }

    private List<String> run(KafkaBroker broker, String name, boolean restart) throws Exception {
        Map<String, String> values = KafkaClients.appConfig(broker, name);
        values.put(TickcastConfig.BAR_INTERVAL_CONFIG, "5m");
        values.put(TickcastConfig.BAR_GRACE_CONFIG, "0s");
        values.put(TickcastConfig.STATE_DIR_CONFIG, dir.resolve(name).toString());
        TickcastConfig config = TickcastConfig.of(values);
        String ticks = name + "-ticks";
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers());
             KafkaConsumer<String, Prediction> consumer = KafkaClients.consumer(broker.bootstrapServers(),
                     name + "-predictions", new JsonSerde<>(Prediction.class).deserializer())) {
            List<ConsumerRecord<String, Prediction>> out = new ArrayList<>();
            TickcastService service = KafkaClients.started(config);
            send(producer, ticks, BEFORE);
            out.addAll(KafkaClients.readUntil(consumer, Duration.ofSeconds(60), r -> r.size() >= 2));
            if (restart) {
                service.close();
                service = KafkaClients.started(config);
            }
            send(producer, ticks, AFTER);
            out.addAll(KafkaClients.readUntil(consumer, Duration.ofSeconds(60), r -> r.size() >= 3));
            out.addAll(KafkaClients.readUntil(consumer, Duration.ofSeconds(8), r -> false));
            service.close();
            return out.stream().map(r -> r.value().symbol() + "@" + (r.value().ts() - T0) / M + "m close="
                    + r.value().price() + " v=" + r.value().modelVersion()).toList();
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, Object[][] ticks) {
        for (Object[] t : ticks) {
            producer.send(new ProducerRecord<>(topic, (String) t[0], "{\"symbol\":\"" + t[0] + "\",\"ts\":" + t[1]
                    + ",\"price\":" + t[2] + "}"));
        }
        producer.flush();
    }
}
