package io.tickcast.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.SymbolPipeline;
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
    void shouldCountEveryDriftEventByDetectorSignalAndPhase() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TickcastMetrics metrics = new TickcastMetrics(registry, 10);
        Map<List<String>, Long> emitted = new HashMap<>();
        Random random = new Random(5);
        double price = 50_000;
        try (SymbolPipeline pipeline = SymbolPipeline.create("BTC-USD", PipelineSettings.defaults()
                .withForecaster(new ForecasterSpec("fast", 5, 8, 1, 8, 2, 1e-3, 42L)), Forecasters::create)) {
            for (int t = 0; t < 3_000; t++) {
                price *= Math.exp((t < 1_500 ? 0.0005 : 0.004) * random.nextGaussian());
                PointOutcome outcome = pipeline.process(new Point("BTC-USD", 60_000L * t, price, 1, 60_000L * t));
                metrics.pointProcessed(outcome, 1_000, 1);
                for (DriftEvent e : outcome.driftEvents()) {
                    emitted.merge(List.of(e.detector(), e.signal().label(), e.phase().name()), 1L, Long::sum);
                }
            }
        }

        assertThat(emitted).isNotEmpty();
        for (Counter counter : registry.find(MetricNames.DRIFT_EVENTS).counters()) {
            Meter.Id id = counter.getId();
            List<String> key = List.of(id.getTag(MetricNames.TAG_DETECTOR), id.getTag(MetricNames.TAG_SIGNAL),
                    id.getTag(MetricNames.TAG_PHASE));
            assertThat(counter.count()).as(key.toString()).isEqualTo(emitted.getOrDefault(key, 0L).doubleValue());
        }
        assertThat(registry.find(MetricNames.DRIFT_EVENTS).counters()).hasSizeGreaterThanOrEqualTo(emitted.size());
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
