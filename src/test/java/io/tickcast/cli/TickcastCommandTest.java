package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tickcast.tick.TickFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code tickcast} ends on a bad configuration: one line naming the key, exit code 2, no stack trace. */
class TickcastCommandTest {

    private static final String BUNDLED_MONTH = "src/main/resources" + TickFiles.BUNDLED_RESOURCE;

    @Test
    void shouldEndABadConfigurationWithOneLineNamingTheKey() {
        CliRun run = CliRun.of("run", "--set", "model.window=8", "--set", "model.bptt=16");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("tickcast run: Invalid value 16 for configuration model.bptt: must not exceed model.window (8)");
    }

    @Test
    void shouldRefuseAModelWhoseCheckpointCannotBeAKafkaRecordBeforeLookingForABroker() {
        CliRun run = CliRun.of("run", "-b", "localhost:1", "--set", "model.hidden=192");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("tickcast run: Invalid value 192 for configuration model.hidden:"
                + " a checkpoint of this model takes up to").doesNotContain("\n");
    }

    @Test
    void shouldNameAnUnknownKeyTheSameWay() {
        CliRun run = CliRun.of("backtest", "--data", BUNDLED_MONTH, "--out", "target/never", "--set", "model.hiden=16");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("model.hiden").contains("unknown configuration key")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldEndInOneLineNamingTheAddressWhenNoKafkaAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("run", "-b", "localhost:" + closedPort, "--http-port", "0",
                "--set", "kafka.default.api.timeout.ms=1500", "--set", "kafka.request.timeout.ms=1000",
                "--set", "state.dir=target/never");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("tickcast run: no Kafka broker answered at localhost:" + closedPort
                + " within 1500 ms (check kafka.bootstrap.servers").doesNotContain("\tat ").doesNotContain("\n");
    }

    @Test
    void shouldEndADemoInOneLineBeforeStartingAnythingWhenItsFileCannotBeRead(@TempDir Path dir) throws IOException {
        Path noTime = dir.resolve("prices.csv");
        Files.writeString(noTime, "when,close\n1,2\n");

        CliRun run = CliRun.of("demo", "--data", noTime.toString(), "--broker-port", "1");
        CliRun missing = CliRun.of("demo", "--data", dir.resolve("missing.csv").toString(), "--broker-port", "1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("tickcast demo: " + noTime + ":1: no timestamp column in header"
                + " [when, close]; expected one of [timestamp,").doesNotContain("\n");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("tickcast demo: no such file: " + dir.resolve("missing.csv"));
    }

    @Test
    void shouldNameADirectoryGivenToTheDemoAsItsData(@TempDir Path dir) {
        CliRun run = CliRun.of("demo", "--data", dir.toString(), "--broker-port", "1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tickcast demo: " + dir + " is a directory, not a tick file");
    }

    @Test
    void shouldEndAReplayInOneLineNamingTheAddressBeforePublishingWhenNoKafkaAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("replay", "-b", "localhost:" + closedPort, "--limit", "3", "-X",
                "default.api.timeout.ms=1500", "-X", "request.timeout.ms=1000", "-X", "max.block.ms=300");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("tickcast replay: no Kafka broker answered at localhost:" + closedPort
                + " within 1500 ms (check -b; -X default.api.timeout.ms sets the wait)").doesNotContain("\n");
    }

    @Test
    void shouldEndAReplayInOneLineWhenItsWaitForKafkaIsShorterThanARequest() {
        CliRun run = CliRun.of("replay", "-b", "localhost:1", "--limit", "3", "-X", "default.api.timeout.ms=1500",
                "-X", "max.block.ms=300");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tickcast replay: The specified value of default.api.timeout.ms must be"
                + " no smaller than the value of request.timeout.ms.");
    }

    @Test
    void shouldNameTheHttpPortWhenItIsInUse() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            CliRun run = CliRun.of("run", "-b", "localhost:1", "--http-port", Integer.toString(busy.getLocalPort()),
                    "--set", "topics.create=false", "--set", "state.dir=target/never");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("tickcast run: Invalid value " + busy.getLocalPort()
                    + " for configuration http.port: the port is in use").doesNotContain("\n");
        }
    }

    @Test
    void shouldRefuseADemoGivenBothAFileAndABundledDataSet() {
        CliRun run = CliRun.of("demo", "--data", BUNDLED_MONTH, "--bundled", "binance-session");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give --data or --bundled, not both").doesNotContain("\tat ");
    }
}
