package io.tickcast.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

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
        try (ShutdownSignal shutdown = new ShutdownSignal(() -> { });
             TickcastService service = TickcastService.start(cfg)) {
            System.out.printf("tickcast running: bootstrap %s, http://localhost:%d/metrics (Ctrl-C stops)%n",
                    cfg.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG), service.httpPort());
            shutdown.awaitRequest();
        }
        return 0;
    }
}
