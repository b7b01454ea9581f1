package io.tickcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickcast.cli.TickcastCommand;
import io.tickcast.stream.JsonSerde;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code tickcast bench --e2e --bootstrap-servers}: the service measured on a broker that runs outside the bench. */
class EndToEndBenchExternalBrokerIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.perClass();

    @Test
    void shouldRunTheServiceOnTheNamedBrokerAndLeaveItRunning() throws Exception {
        KafkaBroker broker = KAFKA.broker();

        try (EndToEndBench bench = EndToEndBench.start(broker.bootstrapServers(),
                Map.of("application.id", "bench-external-api"))) {
            assertThat(bench.bootstrapServers()).isEqualTo(broker.bootstrapServers());
            EndToEndResult flat = bench.flatOut(300, 1);
            assertThat(flat.predictions()).isEqualTo(300);
        }

        // the broker outlives the bench: the command line run below uses it again
        JsonNode report = benchCommand("--e2e", "--json", "--bootstrap-servers", broker.bootstrapServers(),
                "--rate", "50", "--seconds", "1", "--warm-up-seconds", "1", "--flat-out-points", "300",
                "--flat-out-runs", "1", "--set", "application.id=bench-external-cli");
        assertThat(report.path("broker").asText()).isEqualTo(broker.bootstrapServers());
        assertThat(report.path("flat_out").path("predictions").asLong()).isEqualTo(300);
        assertThat(report.path("steady").path("predictions").asLong()).isEqualTo(100);
        assertThat(report.path("e2e_vs_in_process").asDouble()).isPositive();
        assertThat(report.path("e2e_vs_in_process_runs")).hasSize(1);
        assertThat(report.path("e2e_vs_in_process_runs").get(0).asDouble())
                .isCloseTo(report.path("flat_out").path("points_per_s").asDouble()
                        / report.path("in_process_pipeline_points_per_s").asDouble(), within(1e-9));
    }

    private static JsonNode benchCommand(String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = TickcastCommand.commandLine().execute(prepend("bench", args));
        } finally {
            System.setOut(out);
        }
        assertThat(exit).isZero();
        String text = captured.toString(StandardCharsets.UTF_8);
        return JsonSerde.MAPPER.readTree(text.substring(text.indexOf('{')));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
