package io.tickcast.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickcast.tick.RejectReason;
import org.junit.jupiter.api.Test;

class TickcastMetricsTest {

    @Test
    void shouldCountRejectionsByReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TickcastMetrics metrics = new TickcastMetrics(registry, 10);

        metrics.tickReceived();
        metrics.tickReceived();
        metrics.tickRejected(RejectReason.NOT_JSON);

        assertThat(registry.get(MetricNames.TICKS_RECEIVED).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MetricNames.TICKS_REJECTED).tag("reason", "NOT_JSON").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MetricNames.TICKS_REJECTED).tag("reason", "DUPLICATE").counter().count()).isZero();
    }

    @Test
    void shouldSumLiveModelsOverTasksAndShowTheCap() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TickcastMetrics metrics = new TickcastMetrics(registry, 7);

        metrics.liveModels("0_0", 3);
        metrics.liveModels("0_1", 2);
        metrics.liveModels("0_0", 1);

        assertThat(registry.get(MetricNames.MODELS_LIVE).gauge().value()).isEqualTo(3.0);
        assertThat(registry.get(MetricNames.MODELS_CAP).gauge().value()).isEqualTo(7.0);
    }

    @Test
    void shouldPrefixEveryMeterOfTheServedRegistry() {
        PrometheusMeterRegistry registry = Registries.prometheus();
        try {
            registry.timer("some.library.timer").record(5, TimeUnit.MILLISECONDS);

            String scrape = registry.scrape();

            assertThat(scrape).contains("tickcast_some_library_timer_seconds_count 1")
                    .contains("tickcast_jvm_memory_used_bytes")
                    .contains("tickcast_native_memory_bytes{kind=\"resident\"}");
            assertThat(scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                    .allSatisfy(line -> assertThat(line).startsWith("tickcast_"));
        } finally {
            registry.close();
        }
    }
}
