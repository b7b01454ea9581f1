package io.tickcast.tick.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import io.tickcast.tick.BadRow;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickParseResult;
import io.tickcast.tick.TickParser;
import io.tickcast.tick.TickReader;
import io.tickcast.tick.replay.PublishResult.StopCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class TickPublisherIT {

    private static final long T0 = 1736208060000L;

    @TempDir
    Path dir;

    private final List<BadRow> badRows = new ArrayList<>();
    private final List<PublishProgress> progress = new ArrayList<>();

    @Test
    void shouldPublishEveryTickOfAFileAsKeyedTickJson(KafkaBroker broker) throws IOException {
        broker.createTopics(3, "replay-all");
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, "timestamp,close,volume\n1736208060,100.5,1\n1736208120,101,0\nbad,1,1\n1736208180,99.25,2\n");

        PublishResult result;
        try (TickPublisher publisher = TickPublisher.create(broker.bootstrapServers(), "replay-all", Map.of());
             TickReader reader = TickFiles.open(file, "BTC-USD", badRows::add)) {
            result = publisher.publish(reader, PublishOptions.AS_FAST_AS_POSSIBLE, progress::add);
        }

        assertThat(result.cause()).isEqualTo(StopCause.END_OF_INPUT);
        assertThat(result.sent()).isEqualTo(3);
        assertThat(result.acknowledged()).isEqualTo(3);
        assertThat(result.failed()).isZero();
        assertThat(badRows).extracting(BadRow::line).containsExactly(4L);
        assertThat(progress).last().extracting(PublishProgress::acknowledged).isEqualTo(3L);
        assertThat(consume(broker, "replay-all", 3)).containsExactly(
                new Tick("BTC-USD", T0, 100.5, 1),
                new Tick("BTC-USD", T0 + 60_000, 101, 0),
                new Tick("BTC-USD", T0 + 120_000, 99.25, 2));
    }

    @Test
    void shouldStopAtTheTickLimit(KafkaBroker broker) {
        broker.createTopics(1, "replay-limit");
        try (TickPublisher publisher = TickPublisher.create(broker.bootstrapServers(), "replay-limit", Map.of());
             TickReader reader = TickFiles.openBundled("BTC-USD", badRows::add)) {
            PublishResult result = publisher.publish(reader, PublishOptions.AS_FAST_AS_POSSIBLE.withLimit(250), progress::add);

            assertThat(result.cause()).isEqualTo(StopCause.LIMIT);
            assertThat(result.acknowledged()).isEqualTo(250);
        }
        assertThat(consume(broker, "replay-limit", 250)).hasSize(250);
    }

    @Test
    void shouldPaceTicksByEventTimeDividedBySpeed(KafkaBroker broker) {
        broker.createTopics(1, "replay-paced");
        List<Tick> ticks = List.of(new Tick("ETH-USD", T0, 1, Double.NaN), new Tick("ETH-USD", T0 + 30_000, 2, Double.NaN),
                new Tick("ETH-USD", T0 + 60_000, 3, Double.NaN));
        try (TickPublisher publisher = TickPublisher.create(broker.bootstrapServers(), "replay-paced", Map.of())) {
            PublishResult result = publisher.publish(ticks.iterator(), PublishOptions.AS_FAST_AS_POSSIBLE.withSpeed(100),
                    progress::add);

            assertThat(result.acknowledged()).isEqualTo(3);
            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        assertThat(consume(broker, "replay-paced", 3)).isEqualTo(ticks);
    }

    @Test
    void shouldStopAtTheWallClockLimit(KafkaBroker broker) {
        broker.createTopics(1, "replay-duration");
        List<Tick> ticks = List.of(new Tick("ETH-USD", T0, 1, Double.NaN), new Tick("ETH-USD", T0 + 3_600_000, 2, Double.NaN));
        try (TickPublisher publisher = TickPublisher.create(broker.bootstrapServers(), "replay-duration", Map.of())) {
            PublishResult result = publisher.publish(ticks.iterator(),
                    PublishOptions.AS_FAST_AS_POSSIBLE.withSpeed(1).withMaxDuration(Duration.ofMillis(300)), progress::add);

            assertThat(result.cause()).isEqualTo(StopCause.DURATION);
            assertThat(result.acknowledged()).isEqualTo(1);
        }
    }

    private static List<Tick> consume(KafkaBroker broker, String topic, int expected) {
        TickParser parser = new TickParser();
        List<Tick> ticks = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ticks.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TickParseResult result = parser.parse(record.key(), record.value());
                    assertThat(result).isInstanceOf(TickParseResult.Accepted.class);
                    ticks.add(((TickParseResult.Accepted) result).tick());
                }
            }
        }
        return ticks;
    }
}
