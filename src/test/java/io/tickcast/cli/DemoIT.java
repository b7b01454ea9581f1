package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.tickcast.chaos.TickcastJvm;
import io.tickcast.service.TickcastProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickcast demo} as a user runs it, and a user's own Kafka client (kcat) talking to the demo's broker. */
class DemoIT {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsStillRunning() {
        started.forEach(Process::destroyForcibly);
    }

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

    @Test
    void shouldShowTheFirstSkippedRowsAndLeaveNoDirectoryBehindWhenItEnds() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,close\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 3 == 0 ? "not-a-time" : Long.toString(1_736_208_000L + 60L * i)).append(",100").append(i)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("ticks.csv"), csv);

        Process demo = demo(List.of("--data", data.toString(), "--http-port", "0"));

        assertThat(demo.waitFor(4, TimeUnit.MINUTES)).isTrue();
        String out = log();
        assertThat(demo.exitValue()).as(out).isZero();
        assertThat(out).contains("(further skipped rows are only counted)")
                .contains("Replayed 26 ticks").contains("(14 unreadable rows skipped,");
        assertThat(out.lines().filter(line -> line.startsWith("skipped " + data))).hasSize(10);
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void shouldLeaveNoDirectoryBehindWhenStoppedWithCtrlC() throws Exception {
        Process demo = demo(List.of("--limit", "10", "--keep-running", "--http-port", "0"));
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> log().contains("Still running")
                || !demo.isAlive());
        assertThat(leftBehind()).as("while it runs").isNotEmpty();

        demo.destroy(); // SIGTERM, as Ctrl-C's SIGINT

        assertThat(demo.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(leftBehind()).as(log()).isEmpty();
    }

    @Test
    void shouldLeaveNoDirectoryBehindWhenTheServiceCannotStart() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Process demo = demo(List.of("--limit", "10", "--http-port", Integer.toString(busy.getLocalPort())));

            assertThat(demo.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(demo.exitValue()).as(log()).isEqualTo(2);
            assertThat(log()).contains("the port is in use");
            assertThat(leftBehind()).isEmpty();
        }
    }

    /** Starts {@code tickcast demo} on a free broker port with its own temporary directory, {@code dir/tmp}. */
    private Process demo(List<String> args) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> demoArgs = new ArrayList<>(List.of("demo", "--broker-port",
                Integer.toString(TickcastJvm.freePort())));
        demoArgs.addAll(args);
        List<String> command = TickcastJvm.command(List.of("-Xmx1g", "-Djava.io.tmpdir=" + dir.resolve("tmp")),
                demoArgs);
        Process demo = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("demo.log").toFile()).start();
        started.add(demo);
        return demo;
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("demo.log"));
    }

    /** @return what the demo created in its temporary directory and has not deleted: state, broker data */
    private List<Path> leftBehind() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("tickcast-")).toList();
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
