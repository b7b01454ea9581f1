package io.tickcast.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickcast.config.TickcastConfig;
import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.stream.internals.PipelineFactory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} over the real topology, with typed access to its topics. */
final class TopologyFixture implements AutoCloseable {

    final TickcastConfig config;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ModelDirectory directory = new ModelDirectory();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> ticks;
    /** The same topic, for keys that are not text. */
    final TestInputTopic<byte[], byte[]> rawTicks;
    final TestOutputTopic<String, Prediction> predictions;
    final TestOutputTopic<String, QualityReport> driftMetrics;
    final TestOutputTopic<String, DriftEvent> driftEvents;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    TopologyFixture(Path stateDir, Map<String, String> overrides) {
        this(stateDir, overrides, PipelineSettingsMapper::pipelines);
    }

    /** @param pipelines the topology's pipeline factory, made from the configuration */
    TopologyFixture(Path stateDir, Map<String, String> overrides,
                    java.util.function.Function<TickcastConfig, PipelineFactory> pipelines) {
        config = TickcastConfig.of(overrides);
        TopologySettings settings = TopologySettings.from(config);
        TickcastMetrics metrics = new TickcastMetrics(registry, settings.maxLiveModels());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tickcast-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(TickcastTopology.build(settings, pipelines.apply(config),
                metrics, directory), props);
        Topics topics = settings.topics();
        ticks = driver.createInputTopic(topics.ticks().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        rawTicks = driver.createInputTopic(topics.ticks().name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        predictions = driver.createOutputTopic(topics.predictions().name(), Serdes.String().deserializer(),
                topics.predictions().valueSerde().deserializer());
        driftMetrics = driver.createOutputTopic(topics.driftMetrics().name(), Serdes.String().deserializer(),
                topics.driftMetrics().valueSerde().deserializer());
        driftEvents = driver.createOutputTopic(topics.driftEvents().name(), Serdes.String().deserializer(),
                topics.driftEvents().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** Pipes a well-formed tick of {@code symbol}, keyed by its symbol, published at {@code ts} too. */
    void tick(String symbol, long ts, double price) {
        ticks.pipeInput(new TestRecord<>(symbol, json(symbol, ts, price), Instant.ofEpochMilli(ts)));
    }

    void raw(String key, String value) {
        ticks.pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] json(String symbol, long ts, double price) {
        return ("{\"symbol\":\"" + symbol + "\",\"ts\":" + ts + ",\"price\":" + price + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    List<Prediction> readPredictions() {
        return predictions.readValuesToList();
    }

    private boolean closed;

    /** Closes the driver (its tasks close, as on a shutdown or a rebalance); closing again does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            driver.close();
        }
    }
}
