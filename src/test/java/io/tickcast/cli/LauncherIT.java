package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a user runs it from a directory of their own: paths on the command line are theirs. */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void shouldResolveRelativePathsAgainstTheCallersDirectory() throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("timestamp,close\n");
        for (int i = 0; i < 200; i++) {
            csv.append(1_736_208_060L + 60L * i).append(',').append(100_000 + (i * 37 % 11)).append('\n');
        }
        Files.writeString(work.resolve("mine.csv"), csv);
        Path launcher = Path.of("tickcast").toAbsolutePath(); // Maven runs the tests in the project directory

        Process p = new ProcessBuilder(launcher.toString(), "backtest", "--data", "mine.csv", "--out", "out")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(work.resolve("out").resolve("report.json")).as(output).isRegularFile();
    }
}
