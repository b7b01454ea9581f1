package io.tickcast.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        ModelQueries models = (path, query) -> path.equals("/models/BTC-USD")
                ? new ModelQueries.Answer(200, "{\"symbol\":\"BTC-USD\"}", null)
                : new ModelQueries.Answer(307, "{}", "http://other:9464" + path);
        endpoint = new HttpEndpoint(0, registry, healthy::get, ready::get, models);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        registry.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeMetricsInPrometheusTextFormat() throws Exception {
        Counter.builder("tickcast.ticks.received").register(registry).increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).contains("tickcast_ticks_received_total 3.0");
    }

    @Test
    void shouldAnswerReadyOnlyOnceTheStreamsAreRunning() throws Exception {
        assertThat(get("/ready").statusCode()).isEqualTo(503);
        ready.set(true);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReportUnhealthyWhenTheStreamsFailed() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        healthy.set(false);
        assertThat(get("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswerModelQueriesAndRedirectToTheInstanceHoldingTheSymbol() throws Exception {
        assertThat(get("/models/BTC-USD").body()).isEqualTo("{\"symbol\":\"BTC-USD\"}");

        HttpResponse<String> elsewhere = get("/models/ETH-USD");
        assertThat(elsewhere.statusCode()).isEqualTo(307);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("http://other:9464/models/ETH-USD");
    }
}
