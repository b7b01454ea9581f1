package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tickcast.chaos.TickcastJvm;
import io.tickcast.service.TickcastProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickcast demo} as a user runs it, and a user's own Kafka client (kcat) talking to the demo's broker. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void shouldReplayTheBundledDataAndEndWithASummaryAgainstTheNaiveForecast() throws Exception {
        int brokerPort = TickcastJvm.freePort();
        try (TickcastProcess demo = TickcastProcess.start(dir, List.of("demo", "--limit", "1500",
                "--broker-port", Integer.toString(brokerPort)))) {
            Awaitility.await().atMost(Duration.ofMinutes(4)).until(() -> !demo.isAlive());
            String out = demo.log();

            assertThat(demo.stop()).as(out).isZero();
            assertThat(out).contains("Kafka bootstrap servers: localhost:" + brokerPort)
                    .contains("Replayed 1,500 ticks")
                    .contains("1,500 predictions read back")
                    .containsPattern("BTC-USD\\s+1,500\\s+1,500\\s+[0-9.]+\\s+[0-9.]+\\s+-?[0-9.]+%");
        }
    }

    @Test
    void shouldLetKcatProduceTicksAndReadPredictionsAndDeadLettersBack() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")), "kcat is not installed (apt-get install kcat)");
        int brokerPort = TickcastJvm.freePort();
        String bootstrap = "localhost:" + brokerPort;
        try (TickcastProcess demo = TickcastProcess.start(dir, List.of("demo", "--limit", "10", "--keep-running",
                "--broker-port", Integer.toString(brokerPort)))) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> demo.log().contains("Still running"));

            kcat(List.of("-b", bootstrap, "-P", "-t", "ticks", "-K", "|"),
                    "ETH-USD|{\"symbol\":\"ETH-USD\",\"ts\":\"2025-02-03 12:00:00\",\"price\":2500.5}\n"
                            + "ETH-USD|{\"symbol\":\"ETH-USD\",\"ts\":\"2025-02-03 12:00:01\",\"price\":-1}\n");

            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(kcat(List.of("-b", bootstrap, "-C", "-t", "predictions", "-o", "beginning", "-e", "-q",
                        "-f", "%k %s\\n"), "")).contains("ETH-USD {\"symbol\":\"ETH-USD\",\"ts\":1738584000000,"
                        + "\"price\":2500.5");
                assertThat(kcat(List.of("-b", bootstrap, "-C", "-t", "ticks.dlq", "-o", "beginning", "-e", "-q",
                        "-f", "%h|%s\\n"), "")).contains("tickcast.dlq.reason=NON_POSITIVE_PRICE").contains("\"price\":-1");
            });
        }
    }

    private static String kcat(List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/kcat"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
