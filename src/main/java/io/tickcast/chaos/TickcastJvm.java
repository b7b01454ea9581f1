package io.tickcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tickcast command run as a user runs it: a separate JVM ({@code java -Xmx<heap> -cp <this JVM's classpath>
 * io.tickcast.cli.TickcastCommand <args> --http-port <port>}, {@code OMP_NUM_THREADS=1}) whose output goes to a
 * file, with its HTTP endpoint at hand. It can be stopped politely (SIGTERM) or killed (SIGKILL). Not thread-safe,
 * except {@link #destroy()}, which a shutdown hook may call.
 */
public final class TickcastJvm {

    private static final String MAIN_CLASS = "io.tickcast.cli.TickcastCommand";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int httpPort;

    private TickcastJvm(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * Starts {@code tickcast <args> --http-port <httpPort>}.
     *
     * @param maxHeap the JVM's {@code -Xmx} value, e.g. {@code 512m}
     * @param output  where standard output and error go
     * @throws IOException if the JVM cannot be started
     */
    public static TickcastJvm start(List<String> args, int httpPort, String maxHeap, ProcessBuilder.Redirect output)
            throws IOException {
        List<String> command = command(List.of("-Xmx" + maxHeap), args);
        command.addAll(List.of("--http-port", Integer.toString(httpPort)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return new TickcastJvm(builder.start(), httpPort);
    }

    /**
     * The command line that runs tickcast in a new JVM of this Java installation with this JVM's classpath:
     * {@code <java.home>/bin/java <jvmOptions> -cp <java.class.path> io.tickcast.cli.TickcastCommand <args>}.
     *
     * @return a mutable list, for the caller to append to
     */
    public static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        command.addAll(args);
        return command;
    }

    /** @return a TCP port nothing listens on right now */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code, or null while the process runs */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
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

    /**
     * @return the body of a GET
     * @throws IOException if it does not answer 200
     */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " on port " + httpPort + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    /** SIGTERM, waiting up to 60 s for a clean exit, then SIGKILL. @return the exit code */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook, no clean close, like a lost machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGKILL without waiting, for shutdown hooks. */
    public void destroy() {
        process.destroyForcibly();
    }
}
