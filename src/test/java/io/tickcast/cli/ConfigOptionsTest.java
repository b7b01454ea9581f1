package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOptionsTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheWorkingDirectorysConfigFirstThenTickcastsOwnThenNone() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        assertThat(ConfigOptions.defaultFile(work, home.toString())).isNull();
        assertThat(ConfigOptions.defaultFile(work, null)).isNull();

        Path homeFile = Files.createDirectories(home.resolve("config")).resolve("tickcast.properties");
        Files.writeString(homeFile, "http.port=0\n");
        assertThat(ConfigOptions.defaultFile(work, home.toString())).isEqualTo(homeFile);

        Path workFile = Files.createDirectories(work.resolve("config")).resolve("tickcast.properties");
        Files.writeString(workFile, "http.port=0\n");
        assertThat(ConfigOptions.defaultFile(work, home.toString())).isEqualTo(workFile);
    }
}
