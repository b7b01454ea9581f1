package io.tickcast.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One tickcast instance run as a separate JVM ({@link TickcastJvm}: {@code tickcast run ...} with a 512 MiB heap)
 * with a state directory of its own that is kept across restarts unless {@link #wipeState() wiped}, like a pod that
 * comes back with its disk. Its output is appended to one log file across restarts. Not thread-safe: one
 * controlling thread.
 */
public final class TickcastInstance implements AutoCloseable {

    private final String name;
    private final List<String> runArgs;
    private final Path stateDir;
    private final Path log;
    private final int httpPort;
    private volatile TickcastJvm jvm;
    private int starts;
    private long lastStartNanos;

    /**
     * @param name    the instance's name, used for its directory and log
     * @param workDir where its state directory and log live
     * @param runArgs arguments after {@code run} (bootstrap servers, config file, overrides), without the state
     *                directory and HTTP port, which this class adds
     */
    public TickcastInstance(String name, Path workDir, List<String> runArgs) throws IOException {
        this.name = name;
        this.runArgs = List.copyOf(runArgs);
        this.stateDir = workDir.resolve(name + "-state");
        this.log = workDir.resolve(name + ".log");
        this.httpPort = TickcastJvm.freePort();
        Files.createDirectories(workDir);
    }

    /** Starts the process (again); its state directory is kept. */
    public void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(runArgs);
        args.addAll(List.of("--set", "state.dir=" + stateDir));
        Files.writeString(log, String.format("%n===== %s start #%d at %s =====%n", name, ++starts, Instant.now()),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        jvm = TickcastJvm.start(args, httpPort, "512m", ProcessBuilder.Redirect.appendTo(log.toFile()));
        lastStartNanos = System.nanoTime();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook, no clean close, like a lost machine. */
    public void kill() throws InterruptedException {
        if (jvm != null) {
            jvm.kill();
        }
    }

    /** SIGKILL without waiting, for shutdown hooks. */
    public void destroy() {
        TickcastJvm current = jvm;
        if (current != null) {
            current.destroy();
        }
    }

    /** SIGTERM, waiting up to 60 s for a clean exit, then SIGKILL. */
    public void stop() throws InterruptedException {
        if (isAlive()) {
            jvm.stop();
        }
    }

    /** Deletes the state directory (only while the process is not running). */
    public void wipeState() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        if (Files.exists(stateDir)) {
            try (Stream<Path> paths = Files.walk(stateDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** @return true if the process runs and {@code /ready} answers 200 (Kafka Streams is RUNNING) */
    public boolean isReady() {
        return isAlive() && jvm.status("/ready") == 200;
    }

    public boolean isAlive() {
        return jvm != null && jvm.isAlive();
    }

    /** @return the exit code of a process that ended, or null while it runs or before it started */
    public Integer exitCode() {
        return jvm == null ? null : jvm.exitCode();
    }

    /**
     * @return the body of a GET on the instance's HTTP port
     * @throws IOException if it does not answer 200, or the instance was never started
     */
    public String get(String path) throws IOException, InterruptedException {
        if (jvm == null) {
            throw new IOException(name + " was never started");
        }
        return jvm.get(path);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public int httpPort() {
        return httpPort;
    }

    /** @return {@link System#nanoTime()} at the latest start */
    public long lastStartNanos() {
        return lastStartNanos;
    }

    /** @return how many times the process was started */
    public int starts() {
        return starts;
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }
}
