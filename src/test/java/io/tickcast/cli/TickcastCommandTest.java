package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code tickcast} ends on a bad configuration: one line naming the key, exit code 2, nothing started. */
class TickcastCommandTest {

    @Test
    void shouldEndABadConfigurationWithOneLineNamingTheKey() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("run", "--set", "model.window=8", "--set", "model.bptt=16");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("tickcast run: Invalid value 16 for configuration model.bptt: must not exceed model.window (8)");
    }

    @Test
    void shouldNameAnUnknownKeyTheSameWay() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("backtest", "--data", "src/main/resources/data/bitstamp_btcusd_1min_2025-01-07_to_2025-02-03.csv.gz", "--out", "target/never",
                "--set", "model.hiden=16");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("model.hiden").contains("unknown configuration key")
                .doesNotContain("\tat ");
    }
}
