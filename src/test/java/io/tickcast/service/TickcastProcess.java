package io.tickcast.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * tickcast run as a user runs it: a separate JVM executing the CLI's main class with the same classpath as the
 * tests, its output in a log file. It can be stopped politely (SIGTERM) or killed (SIGKILL).
 */
public final class TickcastProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;

    private TickcastProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts {@code tickcast <args>} with {@code --http-port} set to a free port.
     *
     * @param logDir where the process's output goes
     */
    public static TickcastProcess start(Path logDir, List<String> args) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.tickcast.cli.TickcastCommand"));
        command.addAll(args);
        command.add("--http-port");
        command.add(Integer.toString(port));
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, "tickcast-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return new TickcastProcess(builder.start(), log, port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** Waits until {@code /ready} answers 200. */
    public TickcastProcess awaitReady(Duration timeout) {
        Awaitility.await("tickcast ready; log " + log).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("tickcast exited with " + process.exitValue() + ":\n" + log());
                    }
                    return status("/ready") == 200;
                });
        return this;
    }

    /** @return the HTTP status of a GET, or -1 when nothing answers */
    public int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** @return the body of a GET that must answer 200 */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    /** @return the process's output so far */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, then waits for the exit. @return the exit code */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
