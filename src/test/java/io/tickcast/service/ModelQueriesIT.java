package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tickcast.config.TickcastConfig;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two instances share the symbols; either answers /models/{symbol}, directly or by redirecting to the owner. */
@ExtendWith(KafkaBrokerExtension.class)
class ModelQueriesIT {

    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldAnswerForEverySymbolFromEitherInstance(KafkaBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> common = Map.of(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                TickcastConfig.APPLICATION_ID_CONFIG, "iq-" + suffix, TickcastConfig.HTTP_PORT_CONFIG, "0",
                TickcastConfig.HTTP_ADVERTISED_HOST_CONFIG, "localhost", TickcastConfig.TOPIC_TICKS_CONFIG, "ticks-" + suffix,
                TickcastConfig.TOPIC_PREDICTIONS_CONFIG, "predictions-" + suffix);
        try (TickcastService a = TickcastService.start(config(common, "a"));
             TickcastService b = TickcastService.start(config(common, "b"));
             KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() ->
                    a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);
            for (String symbol : SYMBOLS) {
                producer.send(new ProducerRecord<>("ticks-" + suffix, symbol,
                        "{\"symbol\":\"" + symbol + "\",\"ts\":1736208000000,\"price\":100}"));
            }
            producer.flush();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    a.directory().all().size() + b.directory().all().size() == SYMBOLS.size());
            assertThat(a.directory().all()).as("both instances hold symbols").isNotEmpty();
            assertThat(b.directory().all()).isNotEmpty();

            for (String symbol : SYMBOLS) {
                boolean onA = a.directory().get(symbol).isPresent();
                TickcastService owner = onA ? a : b;
                TickcastService other = onA ? b : a;

                HttpResponse<String> direct = get(owner.httpPort(), "/models/" + symbol);
                assertThat(direct.statusCode()).isEqualTo(200);
                assertThat(direct.body()).contains("\"symbol\":\"" + symbol + "\"");

                HttpResponse<String> redirected = get(other.httpPort(), "/models/" + symbol);
                assertThat(redirected.statusCode()).isEqualTo(307);
                assertThat(redirected.headers().firstValue("Location"))
                        .hasValue("http://localhost:" + owner.httpPort() + "/models/" + symbol);
            }
            assertThat(get(a.httpPort(), "/models").body()).contains("localhost:" + a.httpPort())
                    .contains("localhost:" + b.httpPort());
        }
    }

    private TickcastConfig config(Map<String, String> common, String name) {
        Map<String, String> values = new java.util.HashMap<>(common);
        values.put(TickcastConfig.STATE_DIR_CONFIG, dir.resolve(name).toString());
        return TickcastConfig.of(values);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
