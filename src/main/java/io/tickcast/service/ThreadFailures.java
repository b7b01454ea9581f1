package io.tickcast.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickcast.metrics.MetricNames;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that failed, logs why and counts it ({@code tickcast_stream_threads_replaced_total}): a
 * record or a store that fails on every attempt shows as a steady rise, which {@code TickcastStreamThreadsFailing}
 * alerts on, while the instance may still be RUNNING.
 */
final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailures.class);

    private final Counter replaced;

    ThreadFailures(MeterRegistry registry) {
        replaced = Counter.builder(MetricNames.STREAM_THREADS_REPLACED)
                .description("Stream threads that failed and were replaced").register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("A stream thread failed; replacing it", exception);
        replaced.increment();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
