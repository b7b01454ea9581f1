package io.tickcast.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.config.TickcastConfig;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.tick.Tick;

/**
 * One chaos run against a running broker: starts the instances, publishes the ticks at a steady rate while it
 * SIGKILLs a random instance at random moments (all drawn from the seed) and restarts it (sometimes with its state
 * directory wiped), waits until every input is committed, reads the predictions {@code read_committed}, and audits
 * them against the uninterrupted in-process run.
 *
 * <p>Kill moments, all drawn from the seed: the victim is a random instance; 30% of kills come 0.5 to 8 s after
 * the victim's latest start (while its JVM starts, its stores restore or its group rebalances), the others 0.2 to
 * 5 s after it is RUNNING again (while it processes). Ticks flow at a steady rate during all kills: the feed stops
 * {@value #TAIL_SECONDS} s after the last kill (or when {@link ChaosOptions#ticks()} are published), and the
 * audit covers every tick published.
 */
public final class ChaosRun {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    /** Share of kills delivered 0.5 to 8 s after the victim's start (while it starts, restores or rebalances). */
    private static final double EARLY_KILL_SHARE = 0.3;
    private static final int TAIL_SECONDS = 10;

    private final ChaosOptions options;
    private final String bootstrapServers;
    private final Path workDir;
    private final Consumer<String> progress;

    /**
     * @param options          what to do
     * @param bootstrapServers the broker
     * @param workDir          where instance state, logs and the config file go
     * @param progress         told what happens, one line at a time
     */
    public ChaosRun(ChaosOptions options, String bootstrapServers, Path workDir, Consumer<String> progress) {
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
        this.progress = progress;
    }

    /**
     * Runs the chaos and audits the outcome.
     *
     * @return the report
     * @throws IOException if an instance cannot be started or the work directory written
     * @throws IllegalStateException if the instances do not become ready, or the predictions cannot be read
     */
    public ChaosReport run() throws Exception {
        long begin = System.nanoTime();
        List<Tick> ticks = ChaosTicks.fromBundledData(options.symbols(), options.ticks(), options.jitter());
        RunConfig run = RunConfig.write(workDir, bootstrapServers, options.partitions(), options.settings());
        run.createTopics();
        Outcome outcome;
        try (KafkaProgress kafka = new KafkaProgress(bootstrapServers);
             Fleet fleet = Fleet.start(options.instances(), workDir, run.runArgs(), progress)) {
            outcome = feedAndKill(run, ticks, fleet, kafka);
        }
        progress.accept("computing the uninterrupted reference run in-process");
        TickcastConfig config = run.config();
        ReferenceRun.Result reference = ReferenceRun.run(PipelineSettingsMapper.pipelines(config),
                outcome.published(), config);
        AuditResult audit = PredictionAudit.audit(outcome.predictions(), reference.predictions());
        return new ChaosReport(options.instances(), options.symbols(), options.partitions(), options.seed(),
                outcome.kills(), outcome.unexpectedExits(), outcome.publishFailures(), outcome.drained(), audit,
                (System.nanoTime() - begin) / 1e9, config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG),
                reference.lateTicks());
    }

    /** What happened to the cluster: the ticks published, the kills, and the predictions committed. */
    private record Outcome(List<Tick> published, long publishFailures, List<KillEvent> kills, int unexpectedExits,
                           boolean drained, List<ObjectNode> predictions) {
    }

    private Outcome feedAndKill(RunConfig run, List<Tick> ticks, Fleet fleet, KafkaProgress kafka) throws Exception {
        progress.accept(String.format("%d instance(s) running; publishing ticks over %d symbols at %.0f/s"
                + " (at most %d) while killing %d times", options.instances(), options.symbols(), options.rate(),
                ticks.size(), options.kills()));
        List<KillEvent> kills = new ArrayList<>();
        List<Tick> published;
        long failures;
        boolean drained;
        try (TickFeed feed = TickFeed.start(bootstrapServers, run.ticksTopic(), ticks, options.rate())) {
            killLoop(fleet, feed, kills);
            fleet.parkUntil(System.nanoTime() + TAIL_SECONDS * 1_000_000_000L);
            feed.stop();
            if (!feed.await(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the tick feed did not finish");
            }
            published = ticks.subList(0, (int) feed.published());
            failures = feed.failed();
            progress.accept(String.format("published %d ticks (%d failed); waiting until every input is committed",
                    feed.acknowledged(), failures));
            fleet.awaitReady(fleet.instances());
            drained = kafka.awaitCommitted(run.applicationId(), run.ticksTopic(), options.drainTimeout());
        }
        progress.accept(drained ? "every input committed; reading predictions (read_committed)"
                : "NOT every input was committed within " + options.drainTimeout() + "; reading what there is");
        List<ObjectNode> predictions = kafka.readPredictions(run.predictionsTopic(), READ_TIMEOUT);
        return new Outcome(published, failures, kills, fleet.unexpectedExits(), drained, predictions);
    }

    private void killLoop(Fleet fleet, TickFeed feed, List<KillEvent> kills) throws IOException, InterruptedException {
        Random random = new Random(options.seed());
        long feedStart = System.nanoTime();
        for (int k = 1; k <= options.kills(); k++) {
            TickcastInstance victim = fleet.instances().get(random.nextInt(fleet.instances().size()));
            boolean early = random.nextDouble() < EARLY_KILL_SHARE;
            double delaySeconds = early ? 0.5 + 7.5 * random.nextDouble() : 0.2 + 4.8 * random.nextDouble();
            boolean wipe = random.nextDouble() < options.wipeProbability();
            if (!early) {
                fleet.awaitReady(List.of(victim));
            }
            fleet.parkUntil((early ? victim.lastStartNanos() : System.nanoTime()) + (long) (delaySeconds * 1e9));
            boolean wasReady = victim.isReady();
            victim.kill();
            if (wipe) {
                victim.wipeState();
            }
            victim.start();
            KillEvent event = new KillEvent(k, (System.nanoTime() - feedStart) / 1_000_000, victim.name(), wasReady,
                    feed.published(), wipe);
            kills.add(event);
            progress.accept(String.format("kill %2d at %6.1f s: SIGKILL %s (%s), %d ticks published; restarted%s",
                    k, event.atMs() / 1000.0, victim.name(), wasReady ? "processing" : "starting/restoring",
                    event.published(), wipe ? " with a wiped state dir" : " with its state dir"));
        }
    }
}
