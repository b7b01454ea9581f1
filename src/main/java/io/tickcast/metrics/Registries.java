package io.tickcast.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickcast.model.NativeMemory;

/** Makes the registry tickcast serves on {@code /metrics}: every meter prefixed, JVM and native memory bound. */
public final class Registries {

    private Registries() {
    }

    /**
     * @return a Prometheus registry whose every meter name starts with {@value MetricNames#PREFIX}, with JVM, process
     * and native (off-heap) memory meters bound. The caller owns the JVM GC binder's lifetime through the registry's
     * {@code close()}.
     */
    public static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prefixAll(registry);
        bindProcessMeters(registry);
        return registry;
    }

    /** Prefixes every meter registered from now on that does not carry the prefix yet. */
    public static void prefixAll(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(MetricNames.PREFIX) ? id : id.withName(MetricNames.PREFIX + id.getName());
            }
        });
    }

    static void bindProcessMeters(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder(MetricNames.NATIVE_MEMORY, NativeMemory::trackedBytes).tag("kind", "javacpp")
                .description("Off-heap memory allocated through JavaCPP (ND4J)").baseUnit("bytes").register(registry);
        Gauge.builder(MetricNames.NATIVE_MEMORY, NativeMemory::residentBytes).tag("kind", "resident")
                .description("Resident set size of the process").baseUnit("bytes").register(registry);
    }
}
