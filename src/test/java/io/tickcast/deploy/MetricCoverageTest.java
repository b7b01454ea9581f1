package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MetricCoverageTest {

    /**
     * The Prometheus names tickcast announced (foundation issue, io.tickcast.metrics.MetricNames in Prometheus form,
     * plus the re-prefixed Kafka Streams and JVM meters). The dashboards and rules may use only these; the
     * integration test that scrapes a running tickcast then proves they are really exported.
     */
    private static final Set<String> ANNOUNCED = Set.of("tickcast_ticks_received_total",
            "tickcast_ticks_rejected_total", "tickcast_points_total", "tickcast_predictions_total",
            "tickcast_model_update_seconds", "tickcast_model_update_seconds_count",
            "tickcast_model_update_seconds_sum", "tickcast_model_update_seconds_max", "tickcast_latency_seconds",
            "tickcast_latency_seconds_bucket", "tickcast_latency_seconds_count", "tickcast_latency_seconds_sum",
            "tickcast_latency_seconds_max", "tickcast_model_version", "tickcast_model_last_update_timestamp_seconds",
            "tickcast_price", "tickcast_predicted_price", "tickcast_rmse", "tickcast_mae", "tickcast_naive_rmse",
            "tickcast_skill", "tickcast_directional_accuracy", "tickcast_interval_coverage",
            "tickcast_drift_statistic", "tickcast_drift_events_total", "tickcast_models_live", "tickcast_models_cap",
            "tickcast_models_evicted_total", "tickcast_symbols_expired_total", "tickcast_native_memory_bytes", "tickcast_stream_threads_replaced_total",
            "tickcast_kafka_consumer_fetch_manager_records_lag_max", "tickcast_kafka_stream_thread_process_rate",
            "tickcast_jvm_memory_used_bytes", "tickcast_process_cpu_usage", "up");

    private static final Path ROOT = ProjectFiles.root();

    @Test
    void shouldListTheSampleNamesOfAScrape() {
        String scrape = """
                # HELP tickcast_latency_seconds Tick-to-prediction latency
                # TYPE tickcast_latency_seconds histogram
                tickcast_latency_seconds_bucket{le="0.001",} 3.0
                tickcast_latency_seconds_count 3.0
                tickcast_models_live 2.0 1700000000000
                # TYPE tickcast_declared_only gauge
                  tickcast_price{symbol="BTC-USD"} 97000.5
                """;
        assertThat(MetricCoverage.exportedNames(scrape)).containsExactly("tickcast_latency_seconds_bucket",
                "tickcast_latency_seconds_count", "tickcast_models_live", "tickcast_price");
    }

    @Test
    void shouldUseOnlyMetricNamesTickcastAnnounced() {
        assertThat(MonitoringQueries.referencedMetricNames(ROOT)).isSubsetOf(ANNOUNCED);
    }

    @Test
    void shouldReferenceTheMetricsOfEveryDashboardViewAndAlert() {
        assertThat(MonitoringQueries.referencedMetricNames(ROOT)).contains("tickcast_price",
                "tickcast_predicted_price", "tickcast_skill", "tickcast_naive_rmse", "tickcast_drift_statistic",
                "tickcast_drift_events_total", "tickcast_latency_seconds_bucket", "tickcast_model_update_seconds_sum",
                "tickcast_ticks_received_total", "tickcast_ticks_rejected_total",
                "tickcast_kafka_consumer_fetch_manager_records_lag_max", "up");
        List<MonitoringQueries.Query> rules = MonitoringQueries.ruleQueries(ROOT.resolve(ProjectFiles.RULES_DIR));
        assertThat(rules).as("alert and recording rules").isNotEmpty();
        for (MonitoringQueries.Query rule : rules) {
            assertThat(PromQlMetricNames.extract(rule.expr())).as(rule.source()).isNotEmpty();
        }
    }

    @Test
    void shouldNameTheReferencedMetricsAScrapeLacks() {
        SortedSet<String> exported = new TreeSet<>(MonitoringQueries.referencedMetricNames(ROOT));
        exported.remove("tickcast_skill");
        exported.remove("tickcast_latency_seconds_bucket");
        String scrape = scrapeOf(exported);

        assertThat(MetricCoverage.missingFromScrape(ROOT, scrape, Set.of()))
                .containsExactly("tickcast_latency_seconds_bucket", "tickcast_skill");
        assertThat(MetricCoverage.missingFromScrape(ROOT, scrape, Set.of("tickcast_skill")))
                .containsExactly("tickcast_latency_seconds_bucket");
        assertThatThrownBy(() -> MetricCoverage.assertEveryReferencedMetricIsExported(ROOT, scrape, Set.of()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("tickcast_skill");
    }

    @Test
    void shouldNotExpectPrometheusOwnSeriesFromTickcast() {
        SortedSet<String> exported = new TreeSet<>(MonitoringQueries.referencedMetricNames(ROOT));
        exported.remove("up");
        assertThat(MetricCoverage.missingFromScrape(ROOT, scrapeOf(exported), Set.of())).isEmpty();
    }

    private static String scrapeOf(Set<String> names) {
        return names.stream().map(n -> n + "{job=\"x\"} 1.0").collect(Collectors.joining("\n", "", "\n"));
    }
}
