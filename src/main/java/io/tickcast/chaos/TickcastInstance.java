package io.tickcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One tickcast instance run as a separate JVM ({@code java -Xmx512m -cp <this JVM's classpath>
 * io.tickcast.cli.TickcastCommand run ...}, {@code OMP_NUM_THREADS=1}) with a state directory of its own that is
 * kept across restarts unless {@link #wipeState() wiped}, like a pod that comes back with its disk. Its output is
 * appended to one log file across restarts. Not thread-safe: one controlling thread.
 */
public final class TickcastInstance implements AutoCloseable {

    private static final String MAIN_CLASS = "io.tickcast.cli.TickcastCommand";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> runArgs;
    private final Path stateDir;
    private final Path log;
    private final int httpPort;
    private Process process;
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
        this.httpPort = freePort();
        Files.createDirectories(workDir);
    }

    /** Starts the process (again); its state directory is kept. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), MAIN_CLASS, "run"));
        command.addAll(runArgs);
        command.addAll(List.of("--set", "state.dir=" + stateDir, "--http-port", Integer.toString(httpPort)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("OMP_NUM_THREADS", "1");
        Files.writeString(log, String.format("%n===== %s start #%d at %s =====%n", name, ++starts, Instant.now()),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = builder.start();
        lastStartNanos = System.nanoTime();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook, no clean close, like a lost machine. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGKILL without waiting, for shutdown hooks. */
    public void destroy() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** SIGTERM, waiting up to 60 s for a clean exit, then SIGKILL. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Deletes the state directory (only while the process is not running). */
    public void wipeState() throws IOException {
        if (process != null && process.isAlive()) {
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
        return isAlive() && status("/ready") == 200;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** @return the exit code of a process that ended, or null while it runs or before it started */
    public Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /**
     * @return the body of a GET on the instance's HTTP port
     * @throws IOException if it does not answer 200
     */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " on " + name + " answered " + response.statusCode());
        }
        return response.body();
    }

    private int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(5))
                .build();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
