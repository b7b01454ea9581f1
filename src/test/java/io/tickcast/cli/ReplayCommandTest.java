package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code tickcast replay} ends when it has nothing to publish: one line, before looking for a broker. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldSayThereIsNoSuchFile() {
        Path missing = dir.resolve("nonexistent.csv");

        CliRun run = CliRun.of("replay", missing.toString(), "-b", "localhost:1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tickcast replay: no such file: " + missing);
    }

    @Test
    void shouldNameADirectoryGivenAsTheFile() {
        CliRun run = CliRun.of("replay", dir.toString(), "-b", "localhost:1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tickcast replay: " + dir + " is a directory");
    }
}
