package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.tickcast.config.TickcastConfig;
import io.tickcast.metrics.MetricNames;
import io.tickcast.pipeline.Prediction;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.TickcastTopology;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symbols.idle.retention} through a real broker under exactly-once: the sweep deletes an idle symbol's state
 * with tombstones in every changelog, so an instance that restores from the changelogs (a wiped state directory, as
 * after a move to a new machine) does not bring it back, and keeps the other symbol's.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IdleRetentionIT {

    private static final long T0 = 1_736_208_000_000L;
    private static final long M = 60_000L;
    private static final byte[] BTC = "BTC-USD".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void shouldDeleteAnIdleSymbolsStateDurablyAndKeepTheOthers(KafkaBroker broker) throws Exception {
        String name = "idle-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> values = KafkaClients.appConfig(broker, name);
        values.put(TickcastConfig.SYMBOLS_IDLE_RETENTION_CONFIG, "1h");
        values.put(TickcastConfig.CHECKPOINT_EVERY_CONFIG, "2");
        String ticks = name + "-ticks";
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers());
             KafkaConsumer<String, Prediction> predictions = KafkaClients.consumer(broker.bootstrapServers(),
                     name + "-predictions", new JsonSerde<>(Prediction.class).deserializer())) {
            values.put(TickcastConfig.STATE_DIR_CONFIG, dir.resolve("first").toString());
            TickcastService first = KafkaClients.started(TickcastConfig.of(values));
            try {
                for (int i = 0; i < 3; i++) {
                    send(producer, ticks, "BTC-USD", T0 + i * M, 100_000 + i, "t" + i);
                    send(producer, ticks, "ETH-USD", T0 + i * M, 3_000 + i, null);
                }
                assertThat(KafkaClients.readUntil(predictions, Duration.ofSeconds(60), r -> r.size() >= 6))
                        .hasSize(6);
                for (int i = 1; i <= 4; i++) { // ETH trades on, never silent for an hour
                    send(producer, ticks, "ETH-USD", T0 + i * 30 * M, 3_100 + i, null);
                }
                assertThat(KafkaClients.readUntil(predictions, Duration.ofSeconds(60), r -> r.size() >= 4))
                        .hasSize(4).allSatisfy(r -> assertThat(r.value().modelVersion()).isPositive());

                Counter expired = first.registry().get(MetricNames.SYMBOLS_EXPIRED).counter();
                // the first sweep, a minute after the start, leaves BTC alone (it had points since); the next deletes
                Awaitility.await("the sweeps, once a minute").atMost(Duration.ofSeconds(210))
                        .until(() -> expired.count() >= 1);
                assertThat(expired.count()).as("BTC alone").isEqualTo(1.0);
                assertThat(first.directory().all()).containsOnlyKeys("ETH-USD");
            } finally {
                first.close();
            }

            Map<String, Map<String, byte[]>> changelogs = latestByKey(broker, name);
            Map<String, byte[]> guard = changelogs.get(TickcastTopology.TICK_GUARD_STORE);
            Map<String, byte[]> checkpoints = changelogs.get(TickcastTopology.CHECKPOINT_STORE);
            assertThat(guard).containsKeys("BTC-USD", "ETH-USD");
            assertThat(guard.get("BTC-USD")).as("tombstone").isNull();
            assertThat(guard.get("ETH-USD")).isNotNull();
            assertThat(checkpoints).containsKey("BTC-USD");
            assertThat(checkpoints.get("BTC-USD")).as("tombstone").isNull();
            assertThat(checkpoints.get("ETH-USD")).isNotNull();
            assertThat(keysOf(changelogs.get(TickcastTopology.JOURNAL_STORE), "BTC-USD\u0000")).isNotEmpty()
                    .allSatisfy(k -> assertThat(changelogs.get(TickcastTopology.JOURNAL_STORE).get(k)).isNull());
            Map<String, byte[]> ids = changelogs.get(TickcastTopology.TRADE_IDS_STORE);
            assertThat(ids).as("three ids written, then deleted (the first two by the tick guard as BTC's time moved"
                    + " on, the last by the sweep)").hasSize(3).allSatisfy((k, v) -> assertThat(v).isNull());

            values.put(TickcastConfig.STATE_DIR_CONFIG, dir.resolve("second").toString());
            TickcastService second = KafkaClients.started(TickcastConfig.of(values));
            try {
                // BTC's last trade sent again: with BTC's tick-guard entry and ids restored it would be a DUPLICATE
                send(producer, ticks, "BTC-USD", T0 + 2 * M, 100_002, "t2");
                send(producer, ticks, "ETH-USD", T0 + 121 * M, 3_101, null);
                List<ConsumerRecord<String, Prediction>> after = KafkaClients.readUntil(predictions,
                        Duration.ofSeconds(60), r -> r.size() >= 2);
                assertThat(after).hasSize(2);
                assertThat(after.get(0).value().symbol()).isEqualTo("BTC-USD");
                assertThat(after.get(0).value().modelVersion()).as("BTC's first point of a fresh model").isZero();
                assertThat(after.get(1).value().modelVersion()).as("ETH's model restored from the changelogs")
                        .isPositive();
                assertThat(second.registry().get(MetricNames.TICKS_REJECTED).tag(MetricNames.TAG_REASON, "DUPLICATE")
                        .counter().count()).isZero();
            } finally {
                second.close();
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String symbol, long ts,
                             double price, String id) {
        producer.send(new ProducerRecord<>(topic, symbol, "{\"symbol\":\"" + symbol + "\",\"ts\":" + ts + ",\"price\":"
                + price + (id == null ? "" : ",\"id\":\"" + id + "\"") + "}"));
        producer.flush();
    }

    /** Per store, the latest committed value of each key of its changelog (null: a tombstone); keys as text. */
    private static Map<String, Map<String, byte[]>> latestByKey(KafkaBroker broker, String app) {
        Map<String, String> stores = new HashMap<>();
        for (String store : List.of(TickcastTopology.TICK_GUARD_STORE, TickcastTopology.CHECKPOINT_STORE,
                TickcastTopology.JOURNAL_STORE, TickcastTopology.TRADE_IDS_STORE)) {
            stores.put(app + "-" + store + "-changelog", store);
        }
        Map<String, Map<String, byte[]>> latest = new HashMap<>();
        stores.values().forEach(s -> latest.put(s, new HashMap<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "changelogs-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.copyOf(stores.keySet()));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.topic().endsWith(TickcastTopology.TRADE_IDS_STORE + "-changelog")
                            ? (contains(r.key(), BTC) ? "BTC-USD:" + Arrays.hashCode(r.key()) : "other")
                            : new String(r.key(), StandardCharsets.UTF_8);
                    latest.get(stores.get(r.topic())).put(key, r.value());
                    quietSince = System.nanoTime();
                }
            }
        }
        return latest;
    }

    private static List<String> keysOf(Map<String, byte[]> changelog, String prefix) {
        return changelog.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    private static boolean contains(byte[] key, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= key.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (key[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
