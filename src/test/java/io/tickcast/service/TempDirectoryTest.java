package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The demo's and the bench's throwaway state directory is gone, with what the service wrote into it, once closed. */
class TempDirectoryTest {

    @Test
    void shouldDeleteTheDirectoryWithEverythingInItWhenClosed() throws IOException {
        TempDirectory dir = TempDirectory.create("tickcast-temp-directory-test");
        Path nested = Files.createDirectories(dir.path().resolve("app/0_1/rocksdb"));
        Files.writeString(nested.resolve("CURRENT"), "MANIFEST-000001\n");

        dir.close();

        assertThat(dir.path()).doesNotExist();
        assertThat(dir.path().getFileName().toString()).startsWith("tickcast-temp-directory-test");
    }

    @Test
    void shouldDoNothingWhenClosedAgainAfterTheDirectoryIsGone() throws IOException {
        TempDirectory dir = TempDirectory.create("tickcast-temp-directory-test");
        dir.close();

        dir.close();

        assertThat(dir.path()).doesNotExist();
    }
}
