package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tickcast.config.TickcastConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo takes any config key as {@code run} does, except its own broker and state directory. */
class DemoCommandTest {

    @TempDir
    Path stateDir;

    /** A port in use: a demo that started its broker before failing would fail on it, with another message. */
    private ServerSocket busy;

    @BeforeEach
    void holdAPort() throws IOException {
        busy = new ServerSocket(0);
    }

    @AfterEach
    void releaseThePort() throws IOException {
        busy.close();
    }

    private String busyPort() {
        return Integer.toString(busy.getLocalPort());
    }

    private TickcastConfig configOf(String... args) throws IOException {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo.config.load(demo.overrides("localhost:19092", stateDir));
    }

    @Test
    void shouldTakeTheHttpPortFromSetWhenNoHttpPortFlagIsGiven() throws IOException {
        TickcastConfig config = configOf("--set", "http.port=9471");

        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(9471);
    }

    @Test
    void shouldLetTheHttpPortFlagWinOverSet() throws IOException {
        TickcastConfig config = configOf("--http-port", "9472", "--set", "http.port=9471");

        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(9472);
    }

    @Test
    void shouldUseItsOwnBrokerAndStateDirectoryWhateverTheConfigSays() throws IOException {
        TickcastConfig config = configOf("--set", "kafka.bootstrap.servers=elsewhere:9092", "--set",
                "state.dir=/somewhere/else");

        assertThat(config.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("localhost:19092");
        assertThat(config.getString(TickcastConfig.STATE_DIR_CONFIG)).isEqualTo(stateDir.toString());
    }

    @Test
    void shouldRefuseANegativeLimitBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--limit", "-5", "--broker-port", busyPort(), "--http-port", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("limit must be >= 0, was -5").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseANegativeSpeedBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--speed", "-1", "--broker-port", busyPort(), "--http-port", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("speed must be a finite number >= 0, was -1.0").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseABrokerPortOutOfRangeBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--broker-port", "70000", "--http-port", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--broker-port must be 0..65535, was 70000").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseABadConfigValueInOneLineBeforeStartingAnything() {
        CliRun run = CliRun.of("demo", "--broker-port", busyPort(), "--http-port", "70000");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("tickcast demo: Invalid value 70000 for configuration http.port:"
                + " Value must be no more than 65535");
    }

    @Test
    void shouldShowTheFirstSkippedRowsAndEndInOneLineBeforeStartingAnythingWhenNoRowIsATick(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad-times.csv");
        StringBuilder csv = new StringBuilder("timestamp,close\n");
        for (int i = 0; i < 600; i++) {
            csv.append("not-a-time,100\n");
        }
        Files.writeString(file, csv);

        CliRun run = CliRun.of("demo", "--data", file.toString(), "--broker-port", busyPort(), "--http-port", "0");

        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.subList(0, 10)).allSatisfy(line -> assertThat(line).startsWith("skipped " + file + ":"));
        assertThat(lines.get(10)).isEqualTo("(further skipped rows are only counted)");
        assertThat(lines.get(11))
                .isEqualTo("tickcast demo: no tick could be read from " + file + " (600 rows skipped)");
    }
}
