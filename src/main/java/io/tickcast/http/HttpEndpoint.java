package io.tickcast.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tickcast's HTTP endpoint: {@code GET /metrics} (Prometheus text format), {@code /health} (200 while the process is
 * alive and its stream threads have not failed), {@code /ready} (200 once Kafka Streams is running, 503 before and
 * during rebalances), and {@code /models}, {@code /models/{symbol}} answered by a {@link ModelQueries}.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts serving at once.
     *
     * @param port     the port, 0 for a free one
     * @param registry the meters served on /metrics
     * @param healthy  whether /health answers 200
     * @param ready    whether /ready answers 200
     * @param models   answers /models queries
     * @throws IOException if the port cannot be bound
     */
    public HttpEndpoint(int port, PrometheusMeterRegistry registry, BooleanSupplier healthy, BooleanSupplier ready,
                        ModelQueries models) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tickcast-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS, registry.scrape()));
        server.createContext("/health", ex -> status(ex, healthy.getAsBoolean(), "UP", "DOWN"));
        server.createContext("/ready", ex -> status(ex, ready.getAsBoolean(), "READY", "NOT READY"));
        server.createContext("/models", ex -> {
            ModelQueries.Answer answer = models.answer(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery());
            if (answer.redirect() != null) {
                ex.getResponseHeaders().add("Location", answer.redirect());
            }
            respond(ex, answer.status(), "application/json", answer.body());
        });
        server.start();
        LOG.info("HTTP endpoint on port {}: /metrics /health /ready /models", port());
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void status(HttpExchange ex, boolean ok, String yes, String no) throws IOException {
        respond(ex, ok ? 200 : 503, TEXT, ok ? yes : no);
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
