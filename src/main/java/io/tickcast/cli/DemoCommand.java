package io.tickcast.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.tickcast.broker.EmbeddedBroker;
import io.tickcast.config.TickcastConfig;
import io.tickcast.metrics.MetricNames;
import io.tickcast.service.TempDirectory;
import io.tickcast.service.TickcastService;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;
import io.tickcast.tick.replay.PublishOptions;
import io.tickcast.tick.replay.PublishResult;
import io.tickcast.tick.replay.TickPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickcast demo}: an in-process broker, the bundled data replayed, the service running, a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker, run tickcast on it, replay the bundled Bitstamp minute month"
                + " (or --data) into the ticks topic, and summarise the predictions against the naive forecast.")
final class DemoCommand implements Callable<Integer> {

    /** How long the demo waits for the next prediction before it summarises what it has. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private static final int MAX_PORT = 65_535;

    @Mixin
    ConfigOptions config;

    @Option(names = "--broker-port", description = "Client port of the in-process broker (default: ${DEFAULT-VALUE})")
    int brokerPort = EmbeddedBroker.DEFAULT_PORT;

    @Option(names = "--http-port", description = "Port of /metrics, /health, /ready, /models (default: the config key "
            + TickcastConfig.HTTP_PORT_CONFIG + ", 9464)")
    Integer httpPort;

    @Option(names = "--data", paramLabel = "FILE", description = "Tick file to replay (CSV, JSON lines or a recorded"
            + " Binance session, .gz too); default: the bundled Bitstamp BTC/USD minute month")
    Path data;

    @Option(names = "--bundled", paramLabel = "NAME", converter = BundledConverter.class,
            description = "Instead of --data, a data set in the jar: bitstamp-minutes (the default) or binance-session"
                    + " (9,757 trades of a recorded Binance session, 2024-08-08; try it with --speed 1)")
    TickFiles.Bundled bundled;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", description = "Symbol of CSV rows without a symbol column (default: ${DEFAULT-VALUE})")
    String symbol = TickFiles.DEFAULT_SYMBOL;

    @Option(names = "--speed", description = "1 = real time, N = N times faster, 0 = as fast as possible"
            + " (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the replay after this long, e.g. 30s, 5m")
    Duration duration = Duration.ZERO;

    @Option(names = "--limit", description = "Replay at most this many ticks")
    long limit;

    @Option(names = "--keep-running", description = "Keep the broker and the service running after the replay,"
            + " until Ctrl-C")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        PublishOptions options = validate();
        PrintWriter err = spec.commandLine().getErr();
        TickReader ticks;
        try {
            ticks = input().open(new SkippedRows(err));
        } catch (IOException e) {
            // before the broker starts: a file that cannot be read as ticks ends the demo in one line
            return fail(err, e.getMessage(), spec.exitCodeOnInvalidInput());
        }
        try (ticks) {
            if (!ticks.hasNext()) {
                // reads up to the first tick: a file without one ends the demo here too
                return fail(err, input().noTicks(ticks.rowsSkipped()), spec.exitCodeOnExecutionException());
            }
            run(System.out, ticks, options);
        }
        return 0;
    }

    /**
     * Runs the broker, the service and the replay. One shutdown signal spans them and is closed last: Ctrl-C stops
     * the replay or the wait, and the JVM exits once the service, its state directory and the broker are closed.
     */
    private void run(PrintStream out, TickReader ticks, PublishOptions options) throws Exception {
        AtomicReference<TickPublisher> replaying = new AtomicReference<>();
        try (ShutdownSignal shutdown = new ShutdownSignal(
                () -> Optional.ofNullable(replaying.get()).ifPresent(TickPublisher::stop))) {
            out.printf("Starting an in-process Kafka broker on localhost:%d ...%n", brokerPort);
            try (EmbeddedBroker broker = EmbeddedBroker.start(brokerPort);
                 TempDirectory stateDir = TempDirectory.create("tickcast-demo-state")) {
                TickcastConfig cfg = config.load(overrides(broker.bootstrapServers(), stateDir.path()));
                try (TickcastService service = TickcastService.start(cfg);
                     PredictionWatcher watcher = PredictionWatcher.start(broker.bootstrapServers(),
                             cfg.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG))) {
                    printWelcome(out, broker, cfg, service);
                    service.awaitRunning(Duration.ofSeconds(60));
                    long started = System.nanoTime();
                    PublishResult published = replay(out, cfg, broker, watcher, untilRequested(ticks, shutdown),
                            options, replaying);
                    long expected = published.acknowledged() - (long) rejected(service);
                    awaitPredictions(out, watcher, expected, shutdown);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    synchronized (watcher.tally()) {
                        new DemoSummary(watcher.tally(), published, ticks.rowsSkipped(), (long) rejected(service),
                                seconds).print(out);
                    }
                    if (keepRunning && !shutdown.requested()) {
                        out.println("\nStill running (--keep-running): the broker, the service and /metrics stay up."
                                + " Ctrl-C stops.");
                        shutdown.awaitRequest();
                    }
                }
            }
        }
    }

    private static int fail(PrintWriter err, String message, int exitCode) {
        err.println("tickcast demo: " + message);
        err.flush();
        return exitCode;
    }

    /**
     * Checks the flags before anything starts: a bad one ends the demo with exit code 2, as a bad flag of
     * {@code replay} does, instead of after the broker and the service have started.
     *
     * @return the replay's pace and limits
     * @throws ParameterException for a bad flag
     * @throws org.apache.kafka.common.config.ConfigException naming the key, for a bad config value
     */
    private PublishOptions validate() throws IOException {
        if (data != null && bundled != null) {
            throw new ParameterException(spec.commandLine(), "give --data or --bundled, not both");
        }
        if (brokerPort < 0 || brokerPort > MAX_PORT) {
            throw new ParameterException(spec.commandLine(), "--broker-port must be 0.." + MAX_PORT + ", was "
                    + brokerPort);
        }
        PublishOptions options;
        try {
            options = PublishOptions.AS_FAST_AS_POSSIBLE.withSpeed(speed).withLimit(limit).withMaxDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // the config as it is loaded once the broker runs, but with a placeholder state directory: a bad key fails now
        TickcastService.checkCheckpointSize(
                config.load(overrides("localhost:" + brokerPort, Path.of("state-dir-chosen-at-start"))));
        return options;
    }

    /**
     * @return the keys the demo sets over the config file, the environment and {@code --set}: its own broker, a
     *         fresh state directory, and the HTTP port only when {@code --http-port} is given
     */
    Map<String, String> overrides(String bootstrapServers, Path stateDir) {
        Map<String, String> flags = new HashMap<>();
        flags.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        flags.put(TickcastConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (httpPort != null) {
            flags.put(TickcastConfig.HTTP_PORT_CONFIG, httpPort.toString());
        }
        return flags;
    }

    private TickInput input() {
        return new TickInput(data, bundled, symbol);
    }

    private PublishResult replay(PrintStream out, TickcastConfig cfg, EmbeddedBroker broker, PredictionWatcher watcher,
                                 Iterator<Tick> ticks, PublishOptions options,
                                 AtomicReference<TickPublisher> replaying) {
        out.printf("Replaying %s into '%s' (speed %s) ...%n", input().describe(),
                cfg.getString(TickcastConfig.TOPIC_TICKS_CONFIG), speed == 0 ? "as fast as possible" : speed + "x");
        try (TickPublisher publisher = TickPublisher.create(broker.bootstrapServers(),
                cfg.getString(TickcastConfig.TOPIC_TICKS_CONFIG), Map.of())) {
            replaying.set(publisher);
            return publisher.publish(ticks, options, p -> out.printf("  published %,10d   predictions %,10d%n",
                    p.sent(), watcher.tally().total()));
        }
    }

    /** @return the ticks, ending at the first one read after Ctrl-C (which may come before the replay starts) */
    private static Iterator<Tick> untilRequested(Iterator<Tick> ticks, ShutdownSignal shutdown) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !shutdown.requested() && ticks.hasNext();
            }

            @Override
            public Tick next() {
                return ticks.next();
            }
        };
    }

    /**
     * Shows the predictions arriving until every accepted tick has one, no new one came for a while, or Ctrl-C
     * came.
     */
    private static void awaitPredictions(PrintStream out, PredictionWatcher watcher, long expected,
                                         ShutdownSignal shutdown) throws InterruptedException {
        long last = -1;
        long idleSince = System.nanoTime();
        while (watcher.tally().total() < expected && System.nanoTime() - idleSince < IDLE_TIMEOUT.toNanos()
                && !shutdown.requested()) {
            watcher.awaitAtLeast(expected, Duration.ofSeconds(1));
            long now = watcher.tally().total();
            if (now != last) {
                out.printf("  predictions %,10d of %,d%n", now, expected);
                last = now;
                idleSince = System.nanoTime();
            }
        }
    }

    private static void printWelcome(PrintStream out, EmbeddedBroker broker, TickcastConfig cfg,
                                     TickcastService service) {
        out.printf("%nKafka bootstrap servers: %s   (try: kcat -b %s -C -t %s)%n", broker.bootstrapServers(),
                broker.bootstrapServers(), cfg.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG));
        out.printf("Topics: %s -> %s, %s, %s; rejected ticks: %s%n", cfg.getString(TickcastConfig.TOPIC_TICKS_CONFIG),
                cfg.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG),
                cfg.getString(TickcastConfig.TOPIC_DRIFT_METRICS_CONFIG),
                cfg.getString(TickcastConfig.TOPIC_DRIFT_EVENTS_CONFIG), cfg.getString(TickcastConfig.TOPIC_DLQ_CONFIG));
        out.printf("Metrics: http://localhost:%d/metrics   models: http://localhost:%d/models%n%n", service.httpPort(),
                service.httpPort());
    }

    private static double rejected(TickcastService service) {
        return service.registry().find(MetricNames.TICKS_REJECTED).counters().stream().mapToDouble(Counter::count).sum();
    }
}
