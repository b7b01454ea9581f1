package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.model.ForecasterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ForecasterSpec SPEC = new ForecasterSpec("test", FeatureExtractor.FEATURES, 0, 0, 1, 1,
            0.05, 3L);

    private static List<PointOutcome> outcomes(int n) {
        try (SymbolPipeline p = SymbolPipeline.create("BTC-USD", PipelineSettings.defaults().withForecaster(SPEC),
                LinearTestForecaster.factory())) {
            return SyntheticPrices.varianceShift("BTC-USD", n, n / 2, 0.001, 4, 51L).stream().map(p::process).toList();
        }
    }

    @Test
    void shouldSerialisePredictionsWithSnakeCaseFieldsAndTheLatency() {
        PointOutcome last = outcomes(200).get(199);

        JsonNode json = JSON.valueToTree(last.prediction().withLatencyMs(1.5));

        assertThat(json.path("symbol").asText()).isEqualTo("BTC-USD");
        assertThat(json.path("ts").asLong()).isEqualTo(last.prediction().ts());
        assertThat(json.path("predicted_price").asDouble()).isEqualTo(last.prediction().predictedPrice());
        assertThat(json.path("naive_price").asDouble()).isEqualTo(last.prediction().price());
        assertThat(json.path("lower").asDouble()).isLessThan(json.path("upper").asDouble());
        assertThat(json.path("model_version").asLong()).isEqualTo(198);
        assertThat(json.path("latency_ms").asDouble()).isEqualTo(1.5);
    }

    @Test
    void shouldSerialiseQualityReportsAndDriftEventsWithSnakeCaseFields() {
        List<PointOutcome> all = outcomes(4000);
        JsonNode quality = JSON.valueToTree(all.get(3999).quality());
        DriftEvent event = all.stream().flatMap(o -> o.driftEvents().stream()).findFirst().orElseThrow();
        JsonNode json = JSON.valueToTree(event);

        assertThat(quality.path("fading").path("rmse").asDouble()).isPositive();
        assertThat(quality.path("naive_fading").path("mae").asDouble()).isPositive();
        assertThat(quality.has("skill")).isTrue();
        assertThat(quality.has("interval_coverage")).isTrue();
        assertThat(quality.path("detectors").size()).isEqualTo(6);
        assertThat(json.path("signal").asText()).isIn("residual", "input");
        assertThat(json.path("phase").asText()).isEqualTo("STARTED");
        assertThat(json.path("detector").asText()).isIn("page_hinkley", "adwin", "kswin");
        assertThat(json.has("statistic")).isTrue();
        assertThat(json.has("threshold")).isTrue();
    }
}
