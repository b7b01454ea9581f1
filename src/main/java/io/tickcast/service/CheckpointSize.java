package io.tickcast.service;

import java.util.Locale;
import java.util.Map;

import io.tickcast.config.TickcastConfig;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.pipeline.DriftResponse;
import io.tickcast.pipeline.ForecasterFactory;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.tick.Tick;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A symbol's checkpoint is one record of the {@code model-checkpoints} changelog, so it must fit in a Kafka record:
 * one that does not fails every commit of its task, and Kafka Streams replaces the stream thread again and again.
 * Checked at start, on a fresh pipeline of the configured model: its snapshot, plus a second model for the drift
 * responses that keep one (a challenger, or the rollback checkpoint), plus room for the state that grows as it runs.
 */
final class CheckpointSize {

    /** Kafka's default of a topic's {@code max.message.bytes} (the broker's {@code message.max.bytes}). */
    static final int KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
    /** Room for what grows after the start (ADWIN's buckets) and for the record's key and framing. */
    static final int HEADROOM = 16 * 1024;

    private CheckpointSize() {
    }

    /**
     * @return the largest checkpoint this configuration can write, in bytes
     * @throws ConfigException naming {@code model.hidden} if it cannot go through Kafka as configured
     */
    static long check(TickcastConfig config) {
        long largest = largestCheckpoint(config.pipelineSettings());
        Map<String, Object> kafka = config.kafkaProperties();
        // a client key applies to the producer prefixed or not; a topic key reaches the changelogs only prefixed
        long producer = limit(kafka, StreamsConfig.PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                limit(kafka, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576));
        long topic = limit(kafka, StreamsConfig.TOPIC_PREFIX + TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
        long limit = Math.min(producer, topic);
        if (largest + HEADROOM > limit) {
            throw new ConfigException(TickcastConfig.MODEL_HIDDEN_CONFIG, config.getInt(TickcastConfig.MODEL_HIDDEN_CONFIG),
                    String.format("a checkpoint of this model takes up to %,d bytes (model.layers=%d, drift.response=%s),"
                            + " more than a Kafka record may have here (%,d bytes, less %,d of headroom: the producer's"
                            + " max.request.size %,d, the changelog's max.message.bytes %,d); make the model smaller,"
                            + " or raise kafka.max.request.size, kafka.topic.max.message.bytes and the broker's"
                            + " message.max.bytes", largest, config.getInt(TickcastConfig.MODEL_LAYERS_CONFIG),
                            config.pipelineSettings().response().kind().name().toLowerCase(Locale.ROOT),
                            limit, HEADROOM, producer, topic));
        }
        return largest;
    }

    static long largestCheckpoint(PipelineSettings settings) {
        long pipeline;
        try (SymbolPipeline fresh = SymbolPipeline.create("s".repeat(Tick.MAX_SYMBOL_LENGTH), settings,
                ForecasterFactory.standard())) {
            pipeline = fresh.snapshot().length;
        }
        DriftResponse response = settings.response().kind();
        if (response != DriftResponse.CHALLENGER && response != DriftResponse.ROLLBACK) {
            return pipeline;
        }
        try (OnlineForecaster second = Forecasters.create(settings.forecaster())) {
            return pipeline + second.snapshot().length;
        }
    }

    /** The value of {@code key}, else the default. */
    private static long limit(Map<String, Object> kafka, String key, long defaultValue) {
        Object value = kafka.get(key);
        try {
            return value == null ? defaultValue : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return defaultValue; // Kafka refuses the value itself, naming it
        }
    }
}
