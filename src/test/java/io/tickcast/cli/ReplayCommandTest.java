package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        assertThat(run.err().strip()).isEqualTo("tickcast replay: " + dir + " is a directory, not a tick file");
    }

    @Test
    void shouldFailInOneLineWhenNoRowOfTheFileIsATick() throws IOException {
        Path file = dir.resolve("bad-times.csv");
        StringBuilder csv = new StringBuilder("timestamp,close\n");
        for (int i = 0; i < 600; i++) {
            csv.append("not-a-time,100\n");
        }
        Files.writeString(file, csv);

        CliRun run = CliRun.of("replay", file.toString(), "-b", "localhost:1");

        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("tickcast replay: no tick could be read from " + file + " (600 rows skipped)");
    }

    @Test
    void shouldFailInOneLineWhenTheFileHasOnlyItsHeader() throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, "timestamp,close\n");

        CliRun run = CliRun.of("replay", file.toString(), "-b", "localhost:1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tickcast replay: no tick could be read from " + file
                + " (0 rows skipped)");
    }
}
