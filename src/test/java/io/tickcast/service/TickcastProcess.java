package io.tickcast.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.tickcast.chaos.TickcastJvm;
import org.awaitility.Awaitility;

/**
 * tickcast run as a user runs it, for the integration tests: a {@link TickcastJvm} with the tests' classpath, a
 * 1 GiB heap, a free HTTP port and its output in a log file of its own.
 */
public final class TickcastProcess implements AutoCloseable {

    private final TickcastJvm jvm;
    private final Path log;

    private TickcastProcess(TickcastJvm jvm, Path log) {
        this.jvm = jvm;
        this.log = log;
    }

    /**
     * Starts {@code tickcast <args>} with {@code --http-port} set to a free port.
     *
     * @param logDir where the process's output goes
     */
    public static TickcastProcess start(Path logDir, List<String> args) throws IOException {
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, "tickcast-", ".log");
        return new TickcastProcess(TickcastJvm.start(args, TickcastJvm.freePort(), "1g",
                ProcessBuilder.Redirect.to(log.toFile())), log);
    }

    public int httpPort() {
        return jvm.httpPort();
    }

    /** Waits until {@code /ready} answers 200. */
    public TickcastProcess awaitReady(Duration timeout) {
        Awaitility.await("tickcast ready; log " + log).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!jvm.isAlive()) {
                        throw new IllegalStateException("tickcast exited with " + jvm.exitCode() + ":\n" + log());
                    }
                    return jvm.status("/ready") == 200;
                });
        return this;
    }

    /** @return the HTTP status of a GET, or -1 when nothing answers */
    public int status(String path) {
        return jvm.status(path);
    }

    /** @return the body of a GET that must answer 200 */
    public String get(String path) throws IOException, InterruptedException {
        return jvm.get(path);
    }

    /** @return the process's output so far */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, then waits for the exit. @return the exit code */
    public int stop() throws InterruptedException {
        return jvm.stop();
    }

    /** SIGKILL: no shutdown hook, no goodbye. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (jvm.isAlive()) {
            jvm.kill();
        }
    }
}
