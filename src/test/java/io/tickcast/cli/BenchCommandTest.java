package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tickcast bench}'s flags: worker processes get the model it was asked for, bad combinations are refused. */
class BenchCommandTest {

    @Test
    void shouldRefuseMoreProcessesThanTheSymbolsSplitEvenly() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("bench", "--processes", "2", "--symbols", "3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--processes 2 needs --threads 1 and --symbols a multiple of it");
    }

    @Test
    void shouldRefuseFewerThanOneProcess() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("bench", "--processes", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--processes must be >= 1, was 0");
    }

    @Test
    void shouldNameTheFlagsOfAModelItCannotBuild() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("bench", "--window", "4", "--bptt", "8");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--bptt must not exceed --window (4), was 8");
    }

    @Test
    void shouldCheckTheModelBeforeStartingWorkerProcesses() {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int exit = line.execute("bench", "--processes", "2", "--symbols", "2", "--engine", "nd4j", "--layers", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--layers values above 1 need --engine=fast or dl4j");
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
