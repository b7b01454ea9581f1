package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tickcast bench}'s flags: worker processes get the model it was asked for, bad combinations are refused. */
class BenchCommandTest {

    @Test
    void shouldRefuseMoreProcessesThanTheSymbolsSplitEvenly() {
        CliRun run = CliRun.of("bench", "--processes", "2", "--symbols", "3");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--processes 2 needs --threads 1 and --symbols a multiple of it");
    }

    @Test
    void shouldRefuseFewerThanOneProcess() {
        CliRun run = CliRun.of("bench", "--processes", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--processes must be >= 1, was 0");
    }

    @Test
    void shouldNameTheFlagsOfAModelItCannotBuild() {
        CliRun run = CliRun.of("bench", "--window", "4", "--bptt", "8");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--bptt must not exceed --window (4), was 8");
    }

    @Test
    void shouldCheckTheModelBeforeStartingWorkerProcesses() {
        CliRun run = CliRun.of("bench", "--processes", "2", "--symbols", "2", "--engine", "nd4j", "--layers", "2");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--layers values above 1 need --engine=fast or dl4j");
    }

    @Test
    void shouldRefuseBarsEndToEndBeforeStartingABroker() {
        CliRun run = CliRun.of("bench", "--e2e", "--set", "bar.interval=1m");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value 1m for configuration bar.interval: bench --e2e times one"
                + " prediction per tick and cannot time bars");
    }

    @Test
    void shouldPassTheWholeModelToWorkerProcesses() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs("--engine", "nd4j", "--hidden", "16", "--window", "12", "--bptt", "3",
                "--features", "4", "--lr", "0.002");
        BenchWorkerCommand worker = new BenchWorkerCommand();

        new CommandLine(worker).parseArgs(bench.model.arguments().toArray(String[]::new));

        assertThat(worker.model.spec()).isEqualTo(bench.model.spec());
        assertThat(worker.model.spec().engineOrDefault()).isEqualTo("nd4j");
        assertThat(worker.model.spec().hiddenSize()).isEqualTo(16);
    }
}
