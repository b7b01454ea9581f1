package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.tick.TickFiles;
import org.junit.jupiter.api.Test;

/** How {@code tickcast backtest} refuses flags it cannot use: before reading the file, naming the flag, exit code 2. */
class BacktestFlagsTest {

    private static final String BUNDLED_MONTH = "src/main/resources" + TickFiles.BUNDLED_RESOURCE;

    @Test
    void shouldNameTheFlagAndTheAcceptedFormsWhenAScoreTimeIsNoTime() {
        for (String flag : new String[] {"--score-from", "--score-until"}) {
            for (String value : new String[] {"yesterday", "-5", "01/07/2025"}) {
                CliRun run = CliRun.of("backtest", "--data", BUNDLED_MONTH, "--out", "target/never", flag, value);

                assertThat(run.exit()).as(flag + " " + value).isEqualTo(2);
                assertThat(run.err()).as(flag + " " + value)
                        .startsWith("Invalid value for option '" + flag + "': '" + value + "' is not a time: give an"
                                + " ISO-8601 date or date-time")
                        .contains("unix time").doesNotContain("\tat ").doesNotContain("Exception");
            }
        }
    }

    @Test
    void shouldRefuseAScoreFromThatIsNotBeforeTheScoreUntil() {
        CliRun run = CliRun.of("backtest", "--data", BUNDLED_MONTH, "--out", "target/never",
                "--score-from", "2025-01-20", "--score-until", "2025-01-10T00:00:00Z");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("--score-from (2025-01-20T00:00:00Z) must be before --score-until"
                + " (2025-01-10T00:00:00Z)").doesNotContain("\tat ");
    }
}
