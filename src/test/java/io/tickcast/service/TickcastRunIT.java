package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.tickcast.pipeline.Prediction;
import io.tickcast.stream.DeadLetterHeaders;
import io.tickcast.stream.JsonSerde;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a user does: publish ticks with a plain producer, run tickcast, read predictions, scrape /metrics. */
@ExtendWith(KafkaBrokerExtension.class)
class TickcastRunIT {

    private static final long T0 = 1_736_208_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldPredictEveryValidTickRejectBadOnesAndShowItOnMetrics(KafkaBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ticks = "ticks-" + suffix;
        String predictions = "predictions-" + suffix;
        String dlq = "dlq-" + suffix;
        List<String> args = List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "application.id=run-it-" + suffix, "--set", "state.dir=" + dir.resolve("state"),
                "--set", "topic.ticks=" + ticks, "--set", "topic.predictions=" + predictions,
                "--set", "topic.dlq=" + dlq, "--set", "topic.drift.metrics=metrics-" + suffix,
                "--set", "topic.drift.events=events-" + suffix);

        try (TickcastProcess tickcast = TickcastProcess.start(dir, args).awaitReady(Duration.ofSeconds(90));
             KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
            for (int i = 0; i < 60; i++) {
                for (String symbol : List.of("BTC-USD", "ETH-USD")) {
                    double price = (symbol.equals("BTC-USD") ? 100_000 : 3_000) + 10 * Math.sin(i / 3.0);
                    producer.send(new ProducerRecord<>(ticks, symbol,
                            "{\"symbol\":\"" + symbol + "\",\"ts\":" + (T0 + i * 1000L) + ",\"price\":" + price + "}"));
                }
            }
            producer.send(new ProducerRecord<>(ticks, "BTC-USD", "{not json"));
            producer.send(new ProducerRecord<>(ticks, "BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 61_000)
                    + ",\"price\":-3}"));
            producer.flush();

            List<ConsumerRecord<String, Prediction>> out;
            try (KafkaConsumer<String, Prediction> consumer = KafkaClients.consumer(broker.bootstrapServers(),
                    predictions, new JsonSerde<>(Prediction.class).deserializer())) {
                out = KafkaClients.readUntil(consumer, Duration.ofSeconds(90), r -> r.size() >= 120);
                out.addAll(KafkaClients.readUntil(consumer, Duration.ofSeconds(2), r -> false));
            }
            assertThat(out).as("exactly one prediction per valid tick").hasSize(120);
            Map<String, List<Long>> versions = out.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> r.value().ts(), Collectors.toList())));
            assertThat(versions.get("BTC-USD")).hasSize(60).isSorted();
            assertThat(versions.get("ETH-USD")).hasSize(60).isSorted();

            List<ConsumerRecord<String, byte[]>> dead;
            try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(broker.bootstrapServers(), dlq,
                    Serdes.ByteArray().deserializer())) {
                dead = KafkaClients.readUntil(consumer, Duration.ofSeconds(30), r -> r.size() >= 2);
            }
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8)).containsExactly("NOT_JSON", "NON_POSITIVE_PRICE");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");

            String metrics = tickcast.get("/metrics");
            assertThat(metrics)
                    .contains("tickcast_ticks_received_total 122.0")
                    .contains("tickcast_ticks_rejected_total{reason=\"NOT_JSON\"} 1.0")
                    .contains("tickcast_predictions_total{symbol=\"BTC-USD\"} 60.0")
                    .contains("tickcast_latency_seconds_count 120")
                    .contains("tickcast_skill{symbol=\"ETH-USD\"}")
                    .contains("tickcast_kafka_stream_thread_process_total")
                    .contains("tickcast_jvm_memory_used_bytes")
                    .contains("tickcast_native_memory_bytes");
            assertThat(tickcast.status("/health")).isEqualTo(200);
            assertThat(tickcast.get("/models/BTC-USD")).contains("\"model_version\"");

            assertThat(tickcast.stop()).as("graceful exit on SIGTERM").isIn(0, 143);
            assertThat(tickcast.log()).doesNotContain("Exception in thread");
        }
    }
}
