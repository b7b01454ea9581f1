package io.tickcast.cli;

import io.tickcast.service.TopicAdmin;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;
import io.tickcast.tick.replay.PublishOptions;
import io.tickcast.tick.replay.PublishProgress;
import io.tickcast.tick.replay.PublishResult;
import io.tickcast.tick.replay.TickPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickcast replay FILE}: publishes the ticks of a file into the ticks topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publish ticks from a file into the ticks topic (key = symbol, value = tick JSON).",
            "CSV with a header naming a timestamp column (unix s/ms/us or ISO-8601) and a close or price column,"
                + " optionally size/volume/amount, a trade id and a symbol; JSON lines in the tick format; or a recorded Binance"
                + " WebSocket session (its trades). Gzipped files are"
                + " read as such (told by their first bytes). Rows that are not valid ticks are reported and skipped."})
public final class ReplayCommand implements Callable<Integer> {

    /** How a user of this command sets the broker's address and the wait for it, named when no broker answers. */
    private static final String BROKER_SETTINGS = "check -b; -X default.api.timeout.ms sets the wait";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Tick file (default: the bundled Bitstamp BTC/USD minute bars, 2025-01-07 to 2025-02-03)")
    Path file;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = {"-t", "--topic"}, defaultValue = "ticks", description = "Topic to publish to (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--speed", defaultValue = "0",
            description = "1 = real time by the ticks' timestamps, N = N times faster, 0 = as fast as possible"
                    + " (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--bundled", paramLabel = "NAME", converter = BundledConverter.class,
            description = "Instead of FILE, a data set in the jar: bitstamp-minutes (the default without FILE) or"
                    + " binance-session (9,757 trades of a recorded Binance session, 2024-08-08)")
    TickFiles.Bundled bundled;

    @Option(names = "--symbol", defaultValue = TickFiles.DEFAULT_SYMBOL,
            description = "Symbol of CSV ticks without a symbol column; JSON lines, sessions and a CSV with a"
                    + " symbol column carry their own (default: ${DEFAULT-VALUE})")
    String symbol;

    @Option(names = "--limit", defaultValue = "0", description = "Stop after this many ticks; 0 = all (default)")
    long limit;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this wall-clock time, e.g. 90s, 5m, 1h, PT2M (default: no limit)")
    Duration duration = Duration.ZERO;

    @Option(names = {"-X", "--producer-property"}, paramLabel = "KEY=VALUE",
            description = "Kafka producer property, e.g. -X security.protocol=SASL_SSL (repeatable)")
    Map<String, String> producerProperties = new LinkedHashMap<>();


    @Override
    public Integer call() {
        PublishOptions options;
        try {
            options = new PublishOptions(speed, limit, duration, Duration.ofSeconds(1));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (file != null && bundled != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a FILE or --bundled, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TickReader reader = input().open(new SkippedRows(err))) {
            if (!reader.hasNext()) {
                // reads up to the first tick: a file without one ends here, whether or not a broker answers
                err.println("tickcast replay: " + input().noTicks(reader.rowsSkipped()));
                err.flush();
                return 1;
            }
            // before the producer: it would wait max.block.ms (60 s) per attempt, logging every reconnection
            TopicAdmin.checkReachable(kafkaProperties(), BROKER_SETTINGS);
            return publish(reader, options, out, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("tickcast replay: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int publish(TickReader reader, PublishOptions options, PrintWriter out, PrintWriter err) {
        try (TickPublisher publisher = TickPublisher.create(bootstrapServers, topic,
                new LinkedHashMap<>(producerProperties))) {
            out.printf("Replaying %s into topic '%s' at %s (speed %s)%n", input().describe(), topic, bootstrapServers,
                    speed == 0 ? "as fast as possible" : speed + "x");
            out.flush();
            PublishResult result;
            try (ShutdownSignal ctrlC = new ShutdownSignal(publisher::stop)) {
                result = publisher.publish(reader, options, progress -> printProgress(out, progress));
            }
            printSummary(out, err, result, reader.rowsSkipped());
            return result.failed() == 0 ? 0 : 1;
        }
    }

    /** @return the properties the producer gets, as an admin client's: -b, then -X (security settings, timeouts) */
    private Map<String, Object> kafkaProperties() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.putAll(producerProperties);
        return kafka;
    }

    private TickInput input() {
        return new TickInput(file, bundled, symbol);
    }

    private static void printProgress(PrintWriter out, PublishProgress p) {
        double seconds = Math.max(p.elapsed().toNanos() / 1e9, 1e-9);
        String eventTime = p.lastEventTs() == Long.MIN_VALUE ? "-" : Instant.ofEpochMilli(p.lastEventTs()).toString();
        out.printf(Locale.ROOT, "  %,d ticks sent, %,d acknowledged, event time %s, %,.0f ticks/s%n",
                p.sent(), p.acknowledged(), eventTime, p.sent() / seconds);
        out.flush();
    }

    private void printSummary(PrintWriter out, PrintWriter err, PublishResult r, long skipped) {
        out.printf(Locale.ROOT, "Published %,d ticks to '%s' in %.1f s (%s); %,d rows skipped%n",
                r.acknowledged(), topic, r.elapsed().toMillis() / 1000.0, describe(r.cause()), skipped);
        if (r.failed() > 0) {
            err.printf("%,d ticks could not be delivered; first error: %s%n", r.failed(), r.firstFailure());
            if (r.acknowledged() == 0 && r.firstFailure() instanceof TimeoutException) {
                // Kafka's message for an unreachable broker speaks of the topic's metadata
                err.printf("no tick was acknowledged: is a Kafka broker running at %s (-b)? A topic that does not"
                        + " exist on a broker that does not create topics looks the same.%n", bootstrapServers);
            }
        }
        out.flush();
        err.flush();
    }

    private static String describe(PublishResult.StopCause cause) {
        return switch (cause) {
            case END_OF_INPUT -> "end of input";
            case LIMIT -> "tick limit reached";
            case DURATION -> "time limit reached";
            case FAILED -> "delivery failed";
            case STOPPED, INTERRUPTED -> "stopped";
        };
    }
}
