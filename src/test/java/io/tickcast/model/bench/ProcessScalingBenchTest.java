package io.tickcast.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.chaos.TickcastJvm;
import io.tickcast.model.ForecasterSpec;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scaling across processes runs real worker JVMs (the {@code tickcast bench-worker} command on this classpath);
 * its figures are checked for sense and bookkeeping, never for speed.
 */
class ProcessScalingBenchTest {

    private static final ForecasterSpec SMALL = new ForecasterSpec("fast", 5, 8, 1, 8, 2, 1e-3, 3L);

    @Test
    void shouldAnswerReadyThenOneLineWithTheUpdatesOfEachRun() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BenchWorker worker = new BenchWorker(SMALL, 2, 20)) {
            worker.serve(new BufferedReader(new StringReader("run 30\nrun 5\nquit\nrun 7\n")),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("bench-worker ready");
        long afterFirst = Long.parseLong(lines.get(1).split(" ")[4]);
        long afterSecond = Long.parseLong(lines.get(2).split(" ")[4]);
        assertThat(afterSecond - afterFirst).as("5 points to each of 2 models, one update each").isEqualTo(10);
        assertThat(Long.parseLong(lines.get(1).split(" ")[2])).as("wall ns").isPositive();
    }

    /** Also shows that each engine starts in a fresh JVM, where nothing else has loaded ND4J before it. */
    @ParameterizedTest
    @ValueSource(strings = {"fast", "nd4j"})
    void shouldTimeWorkersTogetherAndTheFirstAloneInEveryRun(String engine) throws IOException {
        ProcessScalingBench.Report report = new ProcessScalingBench(new ProcessScalingBench.Options(
                workerCommand(engine), 2, 1, 400, 2)).run();

        assertThat(report.aloneRuns()).hasSize(2).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(report.togetherRuns()).hasSize(2).allSatisfy(rate -> assertThat(rate).isPositive());
        for (int r = 0; r < 2; r++) {
            assertThat(report.scalingRuns().get(r))
                    .isEqualTo(report.togetherRuns().get(r) / report.aloneRuns().get(r));
        }
        assertThat(report.updates().get(0) - report.updates().get(1))
                .as("the first worker also fed the alone runs: 2 x 400 points, one update each")
                .isEqualTo(800);
        assertThat(report.toMap()).containsEntry("processes", 2).containsKey("scaling_vs_one_process");
    }

    @Test
    void shouldReportAWorkerThatCannotStartWithItsOutput() {
        assertThatThrownBy(() -> new ProcessScalingBench(new ProcessScalingBench.Options(
                workerCommand("no-such-engine"), 2, 1, 10, 1)).run())
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-engine");
    }

    private static List<String> workerCommand(String engine) {
        return TickcastJvm.command(List.of("-Xmx256m"), List.of("bench-worker", "--symbols", "1", "--warmup", "20",
                "--engine", engine, "--hidden", "8", "--window", "8", "--bptt", "2", "--lr", "1e-3"));
    }
}
