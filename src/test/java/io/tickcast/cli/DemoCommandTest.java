package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import io.tickcast.config.TickcastConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo takes any config key as {@code run} does, except its own broker and state directory. */
class DemoCommandTest {

    @TempDir
    Path stateDir;

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
}
