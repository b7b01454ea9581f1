package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromQlMetricNamesTest {

    @Test
    void shouldExtractABareMetricName() {
        assertThat(PromQlMetricNames.extract("tickcast_models_live")).containsExactly("tickcast_models_live");
    }

    @Test
    void shouldIgnoreLabelNamesAndValuesInSelectors() {
        assertThat(PromQlMetricNames.extract("tickcast_skill{symbol=~\"BTC-USD|ETH_USD\", job!=\"x_y\"} < 0"))
                .containsExactly("tickcast_skill");
    }

    @Test
    void shouldIgnoreFunctionsAggregationsAndGroupingLabels() {
        String expr = "histogram_quantile(0.99, sum by (le, instance) (rate(tickcast_latency_seconds_bucket[5m])))";
        assertThat(PromQlMetricNames.extract(expr)).containsExactly("tickcast_latency_seconds_bucket");
    }

    @Test
    void shouldIgnoreGroupingWrittenAfterTheAggregatedExpression() {
        assertThat(PromQlMetricNames.extract("max(tickcast_price) without (instance, job)"))
                .containsExactly("tickcast_price");
    }

    @Test
    void shouldExtractBothSidesOfABinaryOperationWithVectorMatching() {
        String expr = "(time() - tickcast_model_last_update_timestamp_seconds) > 300\n"
                + "and on (job, instance, symbol) rate(tickcast_points_total[5m]) > bool 0\n"
                + "unless ignoring (reason) group_left (symbol) tickcast_ticks_rejected_total";
        assertThat(PromQlMetricNames.extract(expr)).containsExactly("tickcast_model_last_update_timestamp_seconds",
                "tickcast_points_total", "tickcast_ticks_rejected_total");
    }

    @Test
    void shouldIgnoreGrafanaVariablesInSelectorsAndRanges() {
        String expr = "sum by (symbol) (increase(tickcast_drift_events_total{symbol=~\"$symbol\"}[$__rate_interval]))"
                + " / ${divisor} + $other_variable";
        assertThat(PromQlMetricNames.extract(expr)).containsExactly("tickcast_drift_events_total");
    }

    @Test
    void shouldIgnoreStringsNumbersDurationsAndSubqueries() {
        String expr = "label_replace(deriv(tickcast_kafka_consumer_fetch_manager_records_lag_max[10m:1m] offset 5m),"
                + " \"dst\", \"$1\", \"src\", \"(not_a_metric.*)\") * 1.5e-3 + 0x1F + Inf";
        assertThat(PromQlMetricNames.extract(expr))
                .containsExactly("tickcast_kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void shouldTakeTheMetricNameFromANameMatcher() {
        assertThat(PromQlMetricNames.extract("{__name__=\"tickcast_price\", symbol=\"BTC-USD\"}"))
                .containsExactly("tickcast_price");
    }

    @Test
    void shouldIgnoreComments() {
        assertThat(PromQlMetricNames.extract("tickcast_mae # compare with tickcast_rmse\n + tickcast_naive_rmse"))
                .containsExactly("tickcast_mae", "tickcast_naive_rmse");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "topk(3, tickcast_rmse)                              | tickcast_rmse",
        "count_values(\"version\", tickcast_model_version) | tickcast_model_version",
        "quantile_over_time(0.9, tickcast_skill[1h])        | tickcast_skill",
        "up{job=\"tickcast\"} == 0                          | up",
        "sum without (area) (tickcast_jvm_memory_used_bytes) | tickcast_jvm_memory_used_bytes",
        "tickcast_price @ start()                           | tickcast_price",
    })
    void shouldFindTheOneMetricOf(String expr, String metric) {
        assertThat(PromQlMetricNames.extract(expr)).containsExactly(metric);
    }

    @Test
    void shouldFindNothingInAScalarExpression() {
        assertThat(PromQlMetricNames.extract("vector(1) + scalar(time()) * 2")).isEmpty();
    }
}
