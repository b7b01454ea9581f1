package io.tickcast.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
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

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
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
     */
    public ChaosReport run() throws Exception {
        long begin = System.nanoTime();
        List<Tick> ticks = ChaosTicks.fromBundledData(options.symbols(), options.ticks());
        RunConfig run = RunConfig.write(workDir, bootstrapServers, options.partitions(), options.settings());
        TickcastConfig config = run.config();
        run.createTopics();

        List<TickcastInstance> instances = new ArrayList<>();
        List<KillEvent> kills = new ArrayList<>();
        int[] unexpectedExits = {0};
        boolean drained;
        long publishFailures;
        List<ObjectNode> predictions;
        List<Tick> published;
        Thread killOnExit = new Thread(() -> instances.forEach(TickcastInstance::destroy), "chaos-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try (KafkaProgress kafka = new KafkaProgress(bootstrapServers)) {
            for (int i = 1; i <= options.instances(); i++) {
                TickcastInstance instance = new TickcastInstance("tickcast-" + i, workDir, run.runArgs());
                instances.add(instance);
                instance.start();
            }
            awaitReady(instances, instances, unexpectedExits);
            progress.accept(String.format("%d instance(s) running; publishing ticks over %d symbols at %.0f/s"
                    + " (at most %d) while killing %d times", instances.size(), options.symbols(), options.rate(),
                    ticks.size(), options.kills()));
            long feedStart = System.nanoTime();
            try (TickFeed feed = TickFeed.start(bootstrapServers, run.ticksTopic(), ticks, options.rate())) {
                killLoop(instances, feed, feedStart, kills, unexpectedExits);
                waitUntil(System.nanoTime() + TAIL_SECONDS * 1_000_000_000L, instances, unexpectedExits);
                feed.stop();
                if (!feed.await(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the tick feed did not finish");
                }
                published = ticks.subList(0, (int) feed.published());
                publishFailures = feed.failed();
                progress.accept(String.format("published %d ticks (%d failed); waiting until every input is committed",
                        feed.acknowledged(), feed.failed()));
                awaitReady(instances, instances, unexpectedExits);
                drained = kafka.awaitCommitted(run.applicationId(), run.ticksTopic(), options.drainTimeout());
            }
            progress.accept(drained ? "every input committed; reading predictions (read_committed)"
                    : "NOT every input was committed within " + options.drainTimeout() + "; reading what there is");
            predictions = kafka.readPredictions(run.predictionsTopic(),
                    Duration.ofSeconds(120));
        } finally {
            for (TickcastInstance instance : instances) {
                instance.stop();
            }
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        progress.accept("computing the uninterrupted reference run in-process");
        Map<PointKey, ObjectNode> reference = ReferenceRun.predict(PipelineSettingsMapper.pipelines(config), published);
        AuditResult audit = PredictionAudit.audit(published, predictions, reference);
        return new ChaosReport(options.instances(), options.symbols(), options.partitions(), options.seed(), kills,
                unexpectedExits[0], publishFailures, drained, audit, (System.nanoTime() - begin) / 1e9,
                config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG));
    }

    private void killLoop(List<TickcastInstance> instances, TickFeed feed, long feedStart, List<KillEvent> kills,
                          int[] unexpectedExits) throws IOException, InterruptedException {
        Random random = new Random(options.seed());
        for (int k = 1; k <= options.kills(); k++) {
            TickcastInstance victim = instances.get(random.nextInt(instances.size()));
            boolean early = random.nextDouble() < EARLY_KILL_SHARE;
            double delaySeconds = early ? 0.5 + 7.5 * random.nextDouble() : 0.2 + 4.8 * random.nextDouble();
            boolean wipe = random.nextDouble() < options.wipeProbability();
            if (!early) {
                awaitReady(List.of(victim), instances, unexpectedExits);
            }
            long due = (early ? victim.lastStartNanos() : System.nanoTime()) + (long) (delaySeconds * 1e9);
            waitUntil(due, instances, unexpectedExits);
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

    /** Parks until {@code due}, restarting any instance that exited by itself meanwhile. */
    private void waitUntil(long due, List<TickcastInstance> instances, int[] unexpectedExits) throws IOException {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 200_000_000L));
            restartExited(instances, unexpectedExits);
        }
    }

    private void restartExited(List<TickcastInstance> instances, int[] unexpectedExits) throws IOException {
        for (TickcastInstance instance : instances) {
            if (!instance.isAlive()) {
                unexpectedExits[0]++;
                progress.accept(instance.name() + " exited by itself with code " + instance.exitCode()
                        + " (see " + instance.log() + "); restarting it");
                instance.start();
            }
        }
    }

    private void awaitReady(List<TickcastInstance> awaited, List<TickcastInstance> instances, int[] unexpectedExits)
            throws InterruptedException {
        boolean ready = KafkaProgress.awaitTrue(() -> {
            try {
                restartExited(instances, unexpectedExits);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return awaited.stream().allMatch(TickcastInstance::isReady);
        }, READY_TIMEOUT);
        if (!ready) {
            throw new IllegalStateException("instances not ready within " + READY_TIMEOUT + "; logs in " + workDir);
        }
    }
}
