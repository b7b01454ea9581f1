package io.tickcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.config.TickcastConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code tickcast bench --e2e} reports, on a small scale: figures are checked for sense, never for speed. */
class EndToEndBenchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EndToEndBench bench;

    @BeforeAll
    static void startServiceOnBroker() throws Exception {
        bench = EndToEndBench.start(Map.of());
    }

    @AfterAll
    static void stop() {
        java.nio.file.Path state = bench.stateDir();
        assertThat(state).isDirectory();
        bench.close();
        assertThat(state).as("the bench deletes its state directory").doesNotExist();
    }

    @Test
    void shouldReadBackOnePredictionPerTickPublishedFlatOut() {
        EndToEndResult flat = bench.flatOut(400, 1);

        assertThat(flat.ticks()).isEqualTo(400);
        assertThat(flat.predictions()).isEqualTo(400);
        assertThat(flat.pointsPerS()).isPositive();
        assertThat(flat.streamCpuUsPerPoint()).isPositive();
        assertThat(flat.processCpuUsPerPoint()).isGreaterThanOrEqualTo(flat.streamCpuUsPerPoint());
    }

    @Test
    void shouldGiveEveryFlatOutTickATradeIdOfItsOwnWhenAsked() {
        EndToEndResult flat = bench.flatOut(900, 3, true);

        assertThat(flat.ticks()).isEqualTo(900);
        assertThat(flat.predictions()).as("no tick rejected as a trade sent again").isEqualTo(900);
        // Only this test's ticks carry ids, apart from the recorded session's (symbols ending in BTCUSDT).
        List<String> ids = publishedTicks().stream().filter(t -> !t.path("symbol").asText().endsWith("BTCUSDT"))
                .map(t -> t.path("id")).filter(id -> !id.isMissingNode() && !id.isNull()).map(JsonNode::asText)
                .toList();
        assertThat(ids).as("the ids published").hasSize(900).doesNotHaveDuplicates();
    }

    /** Every tick the bench published so far, as JSON: the ticks topic read to its end. */
    private static List<JsonNode> publishedTicks() {
        String topic = TickcastConfig.of(Map.of()).getString(TickcastConfig.TOPIC_TICKS_CONFIG);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bootstrapServers()),
                Serdes.String().deserializer(), Serdes.String().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<JsonNode> ticks = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("the ticks topic read to its end in time").isLessThan(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ticks.add(JSON.readTree(r.value()));
                }
            }
            return ticks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldMeasureLatencyOnlyAfterTheWarmUpAtASteadyRate() {
        EndToEndResult steady = bench.steadyRate(50, Duration.ofSeconds(1), Duration.ofSeconds(2), 2);

        assertThat(steady.ticks()).isEqualTo(150);
        assertThat(steady.predictions()).isEqualTo(150);
        // Ticks 51-149 are sent 1 s or more after the start, so at least 98 are measured whatever the load (one may
        // fall on the millisecond before the warm-up ends); a warm-up tick is measured only when the sending thread
        // stalled past the end of the warm-up, so "not all 150" holds unless it stalled for the whole second. (The
        // bound was 75-125: the lower one could never fail, the upper one failed on a stall of half a second.)
        assertThat(steady.measured()).as("predictions after the warm-up").isBetween(98L, 149L);
        assertThat(steady.emitP50Ms()).isBetween(0.0, steady.emitP99Ms());
        assertThat(steady.emitP99Ms()).isLessThanOrEqualTo(steady.emitMaxMs());
        assertThat(steady.visibleP50Ms()).isGreaterThanOrEqualTo(steady.emitP50Ms());
    }

    @Test
    void shouldReplayTheRecordedSessionAtItsPaceWithEveryTradeMeasured() {
        // The first 300 trades span 18.7 s of the session, under a second at 20x; 65 of them repeat the one before in
        // all but their trade id, so the service predicts all 300 only if it tells trades apart by id.
        EndToEndResult recorded = bench.recordedPace(20, 300);

        assertThat(recorded.mode()).isEqualTo("recorded");
        assertThat(recorded.ticks()).isEqualTo(300);
        assertThat(recorded.predictions()).isEqualTo(300);
        assertThat(recorded.measured()).isEqualTo(300);
        assertThat(recorded.emitP50Ms()).isBetween(0.0, recorded.emitP99Ms());
        assertThat(recorded.emitP99Ms()).isLessThanOrEqualTo(recorded.emitMaxMs());
    }

    @Test
    void shouldTimeTheSamePipelineInProcess() {
        EndToEndBench.InProcess inProcess = EndToEndBench.inProcessPipeline(TickcastConfig.of(Map.of()), 2_000);

        assertThat(inProcess.pointsPerS()).isPositive();
        assertThat(inProcess.cpuUsPerPoint()).isPositive();
    }
}
