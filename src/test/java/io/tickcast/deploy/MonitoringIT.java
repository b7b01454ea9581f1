package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.service.KafkaClients;
import io.tickcast.service.TickcastProcess;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs tickcast against a real broker, scrapes it, and checks that every metric the Grafana dashboard and the alert
 * rules use is really exported; then lets a real Prometheus (Debian's {@code prometheus}) scrape it with the
 * project's rule files and asks its HTTP API for tickcast's series and the rules' health.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MonitoringIT {

    private static final long T0 = 1_736_208_000_000L;
    private static final int TICKS_PER_SYMBOL = 120;
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldExportEveryMetricTheDashboardAndAlertsUseAndLetPrometheusEvaluateTheRules(KafkaBroker broker)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ticks = "ticks-" + suffix;
        List<String> args = List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "application.id=monitoring-it-" + suffix, "--set", "state.dir=" + dir.resolve("state"),
                "--set", "topic.ticks=" + ticks, "--set", "topic.predictions=predictions-" + suffix,
                "--set", "topic.dlq=dlq-" + suffix, "--set", "topic.drift.metrics=metrics-" + suffix,
                "--set", "topic.drift.events=events-" + suffix);

        try (TickcastProcess tickcast = TickcastProcess.start(dir, args).awaitReady(TIMEOUT)) {
            publishTicks(broker.bootstrapServers(), ticks);
            Awaitility.await("every tick predicted").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class) // a slow answer on a loaded machine: ask again
                    .until(() -> tickcast.get("/metrics").contains("tickcast_predictions_total{symbol=\"ETH-USD\"} "
                            + TICKS_PER_SYMBOL + ".0"));
            String scrape = tickcast.get("/metrics");

            // no exception: every name the dashboard and the alerts use is in the scrape (the drift event counters
            // start at zero for every detector a symbol runs)
            MetricCoverage.assertEveryReferencedMetricIsExported(ProjectFiles.root(), scrape, Set.of());
            assertThat(scrape).contains("tickcast_drift_events_total{");

            checkWithRealPrometheus(tickcast.httpPort(), MetricCoverage.exportedNames(scrape));
        }
    }

    @Test
    void shouldLetARealPrometheusScrapeARunningDemo() throws Exception {
        int brokerPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        List<String> args = List.of("demo", "--limit", "2000", "--keep-running", "--broker-port",
                Integer.toString(brokerPort));
        try (TickcastProcess demo = TickcastProcess.start(dir, args)) {
            Awaitility.await("the demo's replay is done").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> demo.log().contains("Still running"));
            String scrape = demo.get("/metrics");
            assertThat(scrape).contains("tickcast_predictions_total{symbol=\"BTC-USD\"} 2000.0");

            checkWithRealPrometheus(demo.httpPort(), MetricCoverage.exportedNames(scrape));
        }
    }

    private static void publishTicks(String bootstrap, String topic) {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
            for (int i = 0; i < TICKS_PER_SYMBOL; i++) {
                for (String symbol : SYMBOLS) {
                    double level = symbol.equals("BTC-USD") ? 100_000 : 3_000;
                    double price = level * (1 + 0.001 * Math.sin(i / 5.0) + (i > TICKS_PER_SYMBOL / 2 ? 0.05 : 0));
                    producer.send(new ProducerRecord<>(topic, symbol, "{\"symbol\":\"" + symbol + "\",\"ts\":"
                            + (T0 + i * 1000L) + ",\"price\":" + price + "}"));
                }
            }
            producer.send(new ProducerRecord<>(topic, "BTC-USD", "{not json"));
            producer.flush();
        }
    }

    private void checkWithRealPrometheus(int tickcastPort, SortedSet<String> exported) throws Exception {
        var binary = ExternalTool.find("prometheus");
        assumeTrue(binary.isPresent(), "prometheus not on PATH: install Debian's `prometheus` package (.ci/run does)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: tickcast
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(ProjectFiles.resolve(ProjectFiles.RULES_DIR), tickcastPort));
        Path log = dir.resolve("prometheus.log");
        Process prometheus = new ProcessBuilder(binary.get().path(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/";
            Awaitility.await("Prometheus scrapes tickcast; log " + log).atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> "1".equals(get(api + "query?query=" + encode("up{job=\"tickcast\"}"))
                            .path("data").path("result").get(0).path("value").get(1).asText()));

            SortedSet<String> expected = new TreeSet<>(MonitoringQueries.referencedMetricNames(ProjectFiles.root()));
            expected.retainAll(exported);
            Awaitility.await("Prometheus holds every referenced series").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(names(get(api + "label/__name__/values"))).containsAll(expected));

            Awaitility.await("every rule evaluated").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode groups = get(api + "rules").path("data").path("groups");
                        assertThat(groups).extracting(g -> g.path("name").asText())
                                .contains("tickcast.model", "tickcast.pipeline");
                        for (JsonNode group : groups) {
                            for (JsonNode rule : group.path("rules")) {
                                assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": "
                                        + rule.path("lastError").asText()).isEqualTo("ok");
                            }
                        }
                    });
            JsonNode alerts = get(api + "alerts").path("data").path("alerts");
            assertThat(alerts).noneMatch(a -> "TickcastInstanceDown".equals(a.path("labels").path("alertname").asText()));
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
        }
    }

    private static SortedSet<String> names(JsonNode response) {
        SortedSet<String> names = new TreeSet<>();
        response.path("data").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
