package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickcast.metrics.MetricNames;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

    @Test
    void shouldReplaceEveryFailedThreadAndCountIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ThreadFailures failures = new ThreadFailures(registry);
        assertThat(registry.get(MetricNames.STREAM_THREADS_REPLACED).counter().count()).as("exported at 0").isZero();

        assertThat(failures.handle(new IllegalStateException("a record that fails every time")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        failures.handle(new IllegalStateException("again"));

        assertThat(registry.get(MetricNames.STREAM_THREADS_REPLACED).counter().count()).isEqualTo(2.0);
    }
}
