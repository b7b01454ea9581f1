package io.tickcast.chaos;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.config.TickcastConfig;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.service.TopicAdmin;
import io.tickcast.tick.Tick;

/**
 * One chaos run against a running broker: starts the instances, publishes the ticks at a steady rate while it
 * SIGKILLs a random instance at random moments (all drawn from the seed) and restarts it (sometimes with its state
 * directory wiped), waits until every input is committed, reads the predictions {@code read_committed}, and audits
 * them against the uninterrupted in-process run.
 *
 * <p>Kill moments: the gaps between kills are uniform in [0.3, 1.7] times the publishing time divided by
 * (kills + 1), so the kills spread over the whole feed and hit instances while they start, restore, rebalance or
 * process.
 */
public final class ChaosRun {

    /**
     * Settings every instance gets unless the caller overrides them: quick failure detection, a standby replica,
     * and frequent checkpoints, so that restores replay both a checkpoint and a journal.
     */
    public static final Map<String, String> DEFAULT_SETTINGS = Map.of(
            "kafka.session.timeout.ms", "6000",
            "kafka.heartbeat.interval.ms", "1500",
            "kafka.num.standby.replicas", "1",
            TickcastConfig.CHECKPOINT_EVERY_CONFIG, "200");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

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
        Path configFile = writeConfig();
        TickcastConfig config = loadConfig(configFile);
        String appId = config.getString(TickcastConfig.APPLICATION_ID_CONFIG);
        String ticksTopic = config.getString(TickcastConfig.TOPIC_TICKS_CONFIG);
        TopicAdmin.ensureTopics(config.kafkaProperties(), List.of(ticksTopic,
                config.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG),
                config.getString(TickcastConfig.TOPIC_DRIFT_METRICS_CONFIG),
                config.getString(TickcastConfig.TOPIC_DRIFT_EVENTS_CONFIG),
                config.getString(TickcastConfig.TOPIC_DLQ_CONFIG)), options.partitions(), (short) -1);

        List<TickcastInstance> instances = new ArrayList<>();
        List<KillEvent> kills = new ArrayList<>();
        int[] unexpectedExits = {0};
        boolean drained;
        long publishFailures;
        List<ObjectNode> predictions;
        try (KafkaProgress kafka = new KafkaProgress(bootstrapServers)) {
            for (int i = 1; i <= options.instances(); i++) {
                TickcastInstance instance = new TickcastInstance("tickcast-" + i, workDir,
                        List.of("--bootstrap-servers", bootstrapServers, "--config", configFile.toString()));
                instances.add(instance);
                instance.start();
            }
            awaitReady(instances, unexpectedExits);
            progress.accept(String.format("%d instance(s) running; publishing %d ticks over %d symbols at %.0f/s"
                    + " (%d s) while killing %d times", instances.size(), ticks.size(), options.symbols(),
                    options.rate(), options.publishDuration().toSeconds(), options.kills()));
            long feedStart = System.nanoTime();
            try (TickFeed feed = TickFeed.start(bootstrapServers, ticksTopic, ticks, options.rate())) {
                killLoop(instances, feed, feedStart, kills, unexpectedExits);
                if (!feed.await(options.publishDuration().plusMinutes(5))) {
                    throw new IllegalStateException("the tick feed did not finish");
                }
                publishFailures = feed.failed();
                progress.accept(String.format("published %d ticks (%d failed); waiting until every input is committed",
                        feed.acknowledged(), feed.failed()));
                awaitReady(instances, unexpectedExits);
                drained = kafka.awaitCommitted(appId, ticksTopic, options.drainTimeout());
            }
            progress.accept(drained ? "every input committed; reading predictions (read_committed)"
                    : "NOT every input was committed within " + options.drainTimeout() + "; reading what there is");
            predictions = kafka.readPredictions(config.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG),
                    Duration.ofSeconds(120));
        } finally {
            for (TickcastInstance instance : instances) {
                instance.stop();
            }
        }
        progress.accept("computing the uninterrupted reference run in-process");
        Map<PointKey, ObjectNode> reference = ReferenceRun.predict(PipelineSettingsMapper.pipelines(config), ticks);
        AuditResult audit = PredictionAudit.audit(ticks, predictions, reference);
        return new ChaosReport(options.instances(), options.symbols(), options.partitions(), options.seed(), kills,
                unexpectedExits[0], publishFailures, drained, audit, (System.nanoTime() - begin) / 1e9,
                config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG));
    }

    private void killLoop(List<TickcastInstance> instances, TickFeed feed, long feedStart, List<KillEvent> kills,
                          int[] unexpectedExits) throws IOException, InterruptedException {
        Random random = new Random(options.seed());
        double meanGapNanos = options.publishDuration().toNanos() / (options.kills() + 1.0);
        long due = feedStart;
        for (int k = 1; k <= options.kills(); k++) {
            due += (long) (meanGapNanos * (0.3 + 1.4 * random.nextDouble()));
            TickcastInstance victim = instances.get(random.nextInt(instances.size()));
            boolean wipe = random.nextDouble() < options.wipeProbability();
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

    private void awaitReady(List<TickcastInstance> instances, int[] unexpectedExits) throws Exception {
        boolean ready = KafkaProgress.awaitTrue(() -> {
            try {
                restartExited(instances, unexpectedExits);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return instances.stream().allMatch(TickcastInstance::isReady);
        }, READY_TIMEOUT);
        if (!ready) {
            throw new IllegalStateException("instances not ready within " + READY_TIMEOUT + "; logs in " + workDir);
        }
    }

    private Path writeConfig() throws IOException {
        String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new LinkedHashMap<>(DEFAULT_SETTINGS);
        settings.put(TickcastConfig.TOPICS_PARTITIONS_CONFIG, Integer.toString(options.partitions()));
        settings.putAll(options.settings());
        settings.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(TickcastConfig.APPLICATION_ID_CONFIG, run);
        settings.put(TickcastConfig.BAR_INTERVAL_CONFIG, "");
        for (String topic : List.of(TickcastConfig.TOPIC_TICKS_CONFIG, TickcastConfig.TOPIC_PREDICTIONS_CONFIG,
                TickcastConfig.TOPIC_DRIFT_METRICS_CONFIG, TickcastConfig.TOPIC_DRIFT_EVENTS_CONFIG,
                TickcastConfig.TOPIC_DLQ_CONFIG)) {
            settings.put(topic, run + "-" + topic.substring("topic.".length()).replace('.', '-'));
        }
        Properties props = new Properties();
        props.putAll(settings);
        Files.createDirectories(workDir);
        Path file = workDir.resolve("chaos.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "tickcast chaos run " + run + ": every instance and the reference run use this file");
        }
        return file;
    }

    private static TickcastConfig loadConfig(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return TickcastConfig.load(props, System.getenv(), Map.of());
    }
}
