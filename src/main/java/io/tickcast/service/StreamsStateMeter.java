package io.tickcast.service;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickcast.metrics.MetricNames;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what Kafka Streams is doing: a {@code tickcast_streams_state{state}} gauge (1 for the current state) and a log
 * line per change, a warning when it leaves RUNNING (a rebalance, a lost broker) and a note when it is back.
 */
final class StreamsStateMeter implements KafkaStreams.StateListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStateMeter.class);

    private final AtomicReference<KafkaStreams.State> current = new AtomicReference<>(KafkaStreams.State.CREATED);

    StreamsStateMeter(MeterRegistry registry) {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder(MetricNames.STREAMS_STATE, current, c -> c.get() == state ? 1 : 0)
                    .tag("state", state.name()).description("1 for the Kafka Streams state this instance is in")
                    .register(registry);
        }
    }

    @Override
    public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
        current.set(now);
        if (before == KafkaStreams.State.RUNNING && now != KafkaStreams.State.PENDING_SHUTDOWN) {
            LOG.warn("Kafka Streams left RUNNING for {}: processing pauses until it is back", now);
        } else if (now == KafkaStreams.State.RUNNING) {
            LOG.info("Kafka Streams RUNNING (was {})", before);
        } else {
            LOG.info("Kafka Streams state {} -> {}", before, now);
        }
    }
}
