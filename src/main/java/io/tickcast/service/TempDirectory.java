package io.tickcast.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.Utils;

/**
 * A directory of the system's temporary directory that lives as long as one command, such as the throwaway
 * {@code state.dir} of the service the demo and the end-to-end bench start: closing it deletes it with everything in
 * it. Not thread-safe.
 *
 * @param path the directory
 */
public record TempDirectory(Path path) implements AutoCloseable {

    /**
     * @param prefix the start of the directory's name
     * @return a new, empty directory
     * @throws IOException if it cannot be created
     */
    public static TempDirectory create(String prefix) throws IOException {
        return new TempDirectory(Files.createTempDirectory(prefix));
    }

    /**
     * Deletes the directory and everything in it; does nothing if it is gone.
     *
     * @throws UncheckedIOException naming the directory if it cannot be deleted
     */
    @Override
    public void close() {
        try {
            Utils.delete(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
