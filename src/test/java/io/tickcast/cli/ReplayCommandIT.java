package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(KafkaBrokerExtension.class)
class ReplayCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReplayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldPublishACsvFileAndReportSkippedRows(KafkaBroker broker) throws Exception {
        broker.createTopics(2, "cli-replay");
        Path file = dir.resolve("ticks.csv");
        Files.writeString(file, "Timestamp,Open,High,Low,Close,Volume_(BTC)\n"
                + "1736208060,1,1,1,3300.5,2\n1736208120,1,1,1,NaN,0\n1736208180,1,1,1,3301,1\n", StandardCharsets.UTF_8);

        int exit = run(file.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--topic", "cli-replay",
                "--symbol", "ETH-USD", "--speed", "0");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Published 2 ticks to 'cli-replay'").contains("1 rows skipped");
        assertThat(err.toString()).contains("skipped " + file + ":3: ");
        assertThat(consume(broker, "cli-replay", 2)).containsExactly(
                "ETH-USD={\"symbol\":\"ETH-USD\",\"ts\":1736208060000,\"price\":3300.5,\"size\":2.0}",
                "ETH-USD={\"symbol\":\"ETH-USD\",\"ts\":1736208180000,\"price\":3301.0,\"size\":1.0}");
    }

    @Test
    void shouldPublishTheTradesOfARecordedBinanceSessionWithTheirIds(KafkaBroker broker) throws Exception {
        broker.createTopics(1, "cli-session");
        String trade = "%d {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":%d,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
                + "\"m\":true,\"M\":true}}\n";
        Path file = dir.resolve("session.txt");
        Files.writeString(file, String.format(trade, 1723161254087896568L, 3735683259L)
                + "1723161254087899999 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\","
                + "\"b\":\"61837.63\",\"B\":\"3.7\",\"a\":\"61837.64\",\"A\":\"1.5\"}}\n"
                + String.format(trade, 1723161254087900000L, 3735683260L), StandardCharsets.UTF_8);

        int exit = run(file.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--topic", "cli-session");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Published 2 ticks");
        assertThat(consume(broker, "cli-session", 2)).as("two fills in one millisecond, told apart by their ids")
                .containsExactly(
                        "BTCUSDT={\"symbol\":\"BTCUSDT\",\"ts\":1723161255342,\"price\":61837.63,\"size\":0.02,"
                                + "\"id\":\"3735683259\"}",
                        "BTCUSDT={\"symbol\":\"BTCUSDT\",\"ts\":1723161255342,\"price\":61837.63,\"size\":0.02,"
                                + "\"id\":\"3735683260\"}");
    }

    @Test
    void shouldReplayTheBundledDataUpToTheLimit(KafkaBroker broker) {
        broker.createTopics(1, "cli-bundled");

        int exit = run("--bootstrap-servers", broker.bootstrapServers(), "--topic", "cli-bundled", "--limit", "100");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Published 100 ticks").contains("tick limit reached");
        assertThat(consume(broker, "cli-bundled", 100)).hasSize(100)
                .allSatisfy(record -> assertThat(record).startsWith("BTC-USD={\"symbol\":\"BTC-USD\""));
    }

    @Test
    void shouldReplayTheBundledBinanceSessionWithTradeIds(KafkaBroker broker) {
        broker.createTopics(1, "cli-bundled-session");

        int exit = run("--bundled", "binance-session", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", "cli-bundled-session", "--limit", "50");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("the bundled Binance BTCUSDT trade session").contains("Published 50 ticks");
        assertThat(consume(broker, "cli-bundled-session", 50)).hasSize(50)
                .allSatisfy(record -> assertThat(record).startsWith("BTCUSDT={\"symbol\":\"BTCUSDT\"")
                        .containsPattern("\"id\":\"\\d+\"}$"));
    }

    @Test
    void shouldRefuseAFileAndABundledDataSetTogetherOrAnUnknownOne() {
        assertThat(run("ticks.csv", "--bundled", "binance-session")).isEqualTo(2);
        assertThat(err.toString()).contains("not both");
        assertThat(run("--bundled", "kraken")).isEqualTo(2);
        assertThat(err.toString()).contains("known: [bitstamp-minutes, binance-session]");
    }

    @Test
    void shouldRejectNegativeSpeedAsUsageError() {
        assertThat(run("--speed", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("speed");
    }

    @Test
    void shouldFailWithTheFileNameWhenTheHeaderHasNoPrice() throws Exception {
        Path file = dir.resolve("noprice.csv");
        Files.writeString(file, "timestamp,open\n1,2\n", StandardCharsets.UTF_8);

        assertThat(run(file.toString(), "--bootstrap-servers", "localhost:1")).isEqualTo(1);
        assertThat(err.toString()).contains("noprice.csv:1");
    }

    private static List<String> consume(KafkaBroker broker, String topic, int expected) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
        }
        return records;
    }
}
