package io.tickcast.stream;

import java.util.List;

import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.tick.TickKey;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The five topics tickcast reads and writes, with their serdes.
 *
 * @param ticks        input: key symbol, value a JSON tick (read as raw bytes, so that bad ones reach the DLQ intact)
 * @param predictions  output: key symbol, value {@link Prediction} as JSON
 * @param driftMetrics output: key symbol, value {@link QualityReport} as JSON
 * @param driftEvents  output: key symbol, value {@link DriftEvent} as JSON
 * @param deadLetters  output: rejected ticks, original key and value bytes, reason in the headers
 */
public record Topics(TopicSpec<String, byte[]> ticks,
                     TopicSpec<String, Prediction> predictions,
                     TopicSpec<String, QualityReport> driftMetrics,
                     TopicSpec<String, DriftEvent> driftEvents,
                     TopicSpec<byte[], byte[]> deadLetters) {

    /** The keys of {@code ticks} as text, losslessly: the dead-letter topic gets a rejected key's original bytes. */
    static final Serde<String> TICK_KEYS = Serdes.serdeFrom((topic, text) -> TickKey.bytes(text),
            (topic, bytes) -> TickKey.text(bytes));

    public static Topics from(TickcastConfig config) {
        return new Topics(
                new TopicSpec<>(config.getString(TickcastConfig.TOPIC_TICKS_CONFIG), TICK_KEYS, Serdes.ByteArray()),
                new TopicSpec<>(config.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG), Serdes.String(),
                        new JsonSerde<>(Prediction.class)),
                new TopicSpec<>(config.getString(TickcastConfig.TOPIC_DRIFT_METRICS_CONFIG), Serdes.String(),
                        new JsonSerde<>(QualityReport.class)),
                new TopicSpec<>(config.getString(TickcastConfig.TOPIC_DRIFT_EVENTS_CONFIG), Serdes.String(),
                        new JsonSerde<>(DriftEvent.class)),
                new TopicSpec<>(config.getString(TickcastConfig.TOPIC_DLQ_CONFIG), Serdes.ByteArray(),
                        Serdes.ByteArray()));
    }

    /** @return every topic name, input first */
    public List<String> names() {
        return List.of(ticks.name(), predictions.name(), driftMetrics.name(), driftEvents.name(), deadLetters.name());
    }
}
