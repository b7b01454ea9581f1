package io.tickcast.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tickcast.broker.EmbeddedBroker;
import io.tickcast.chaos.ChaosOptions;
import io.tickcast.chaos.ChaosReport;
import io.tickcast.chaos.ChaosRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickcast chaos}: the crash test anyone can run. An in-process broker, tickcast instances as separate
 * processes, SIGKILLs at random (seeded) moments while ticks flow, and an audit of the committed predictions against
 * an uninterrupted run. Exit code 0 only when nothing was lost, duplicated or mismatched.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Crash test: run tickcast instances as separate processes on an in-process broker, SIGKILL and"
                + " restart them at random moments while ticks flow, then report lost, duplicated and mismatched"
                + " predictions against an uninterrupted run. Exit code 1 if any.")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--kills", description = "SIGKILLs to deliver (default: ${DEFAULT-VALUE})")
    int kills = 20;

    @Option(names = "--instances", description = "tickcast processes sharing the work (default: ${DEFAULT-VALUE})")
    int instances = 1;

    @Option(names = "--symbols", description = "Symbols the ticks are spread over (default: ${DEFAULT-VALUE})")
    int symbols = 8;

    @Option(names = "--ticks", description = "The most ticks to publish from the bundled data; the feed stops 10 s"
            + " after the last kill (default: ${DEFAULT-VALUE})")
    int ticks = 38_000;

    @Option(names = "--rate", description = "Ticks published per second (default: ${DEFAULT-VALUE})")
    double rate = 100;

    @Option(names = "--seed", description = "Seed of kill moments, victims and wipes (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--wipe-probability", description = "Chance that a killed instance comes back with an empty"
            + " state directory, restoring from the changelog (default: ${DEFAULT-VALUE})")
    double wipeProbability = 0.25;

    @Option(names = "--partitions", description = "Partitions of the topics (default: ${DEFAULT-VALUE})")
    int partitions = 4;

    @Option(names = "--drain-timeout", description = "Seconds to wait, after the feed and the kills, until every"
            + " input is committed (default: ${DEFAULT-VALUE})")
    int drainTimeoutSeconds = 300;

    @Option(names = "--jitter", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Move each tick's stamp by a seeded amount up to this either way (0 to 29s), as different"
                    + " sources' clocks do; with bar.interval set, ticks then arrive late for bars that another symbol"
                    + " of their partition has closed (default: 0s)")
    Duration jitter = Duration.ZERO;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where instance state and logs go (default: a new"
            + " temporary directory)")
    Path workDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A tickcast config key for every instance (and"
            + " the reference run), e.g. --set processing.guarantee=at_least_once")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the report as one JSON object (progress goes to stderr)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream progress = json ? System.err : System.out;
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("tickcast-chaos-");
        ChaosOptions options = new ChaosOptions(instances, kills, symbols, ticks, rate, seed, wipeProbability,
                partitions, Duration.ofSeconds(drainTimeoutSeconds), settings, jitter);
        progress.printf("Starting an in-process Kafka broker; work dir %s%n", dir);
        ChaosReport report;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            progress.printf("Broker at %s%n", broker.bootstrapServers());
            report = new ChaosRun(options, broker.bootstrapServers(), dir, progress::println).run();
        }
        out.println(json ? report.toJson() : report.toText());
        return report.passed() ? 0 : 1;
    }
}
