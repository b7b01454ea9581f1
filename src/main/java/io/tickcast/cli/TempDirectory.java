package io.tickcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.Utils;

/**
 * A directory of the system's temporary directory that lives as long as one command: closing it deletes it with
 * everything in it.
 *
 * @param path the directory
 */
record TempDirectory(Path path) implements AutoCloseable {

    /**
     * @param prefix the start of the directory's name
     * @return a new, empty directory
     * @throws IOException if it cannot be created
     */
    static TempDirectory create(String prefix) throws IOException {
        return new TempDirectory(Files.createTempDirectory(prefix));
    }

    /** Deletes the directory and everything in it; does nothing if it is gone. */
    @Override
    public void close() {
        try {
            Utils.delete(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
