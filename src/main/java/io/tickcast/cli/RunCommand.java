package io.tickcast.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tickcast.config.TickcastConfig;
import io.tickcast.service.TickcastService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tickcast run}: the service against an existing Kafka cluster, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the service against an existing Kafka cluster until Ctrl-C (or SIGTERM).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (config key " + TickcastConfig.BOOTSTRAP_SERVERS_CONFIG + ")")
    String bootstrapServers;

    @Option(names = "--http-port", description = "Port of /metrics, /health, /ready, /models (0 = any free port)")
    Integer httpPort;

    private static final long CLOSE_TIMEOUT_S = 40;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        if (bootstrapServers != null) {
            flags.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (httpPort != null) {
            flags.put(TickcastConfig.HTTP_PORT_CONFIG, httpPort.toString());
        }
        TickcastConfig cfg = config.load(flags);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed);
        }, "tickcast-shutdown"));
        try (TickcastService service = TickcastService.start(cfg)) {
            System.out.printf("tickcast running: bootstrap %s, http://localhost:%d/metrics%n",
                    cfg.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG), service.httpPort());
            stop.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
