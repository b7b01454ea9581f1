package io.tickcast.chaos;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.tickcast.config.TickcastConfig;
import io.tickcast.service.TopicAdmin;

/**
 * The configuration shared by the instances of one run and its reference run, written to one properties file that
 * every instance is started with ({@code --config}), so that nothing differs but the state directory and HTTP port.
 * Each run gets a fresh application id and topic names, so runs on one broker never meet.
 *
 * @param file   the properties file
 * @param config the configuration as the instances read it (environment included)
 */
public record RunConfig(Path file, TickcastConfig config) {

    /**
     * Settings every instance gets unless the caller overrides them: quick failure detection, a standby replica,
     * and frequent checkpoints, so that restores replay both a checkpoint and a journal.
     */
    public static final Map<String, String> DEFAULT_SETTINGS = Map.of(
            "kafka.session.timeout.ms", "6000",
            "kafka.heartbeat.interval.ms", "1500",
            "kafka.num.standby.replicas", "1",
            TickcastConfig.CHECKPOINT_EVERY_CONFIG, "200");

    private static final List<String> TOPIC_KEYS = List.of(TickcastConfig.TOPIC_TICKS_CONFIG,
            TickcastConfig.TOPIC_PREDICTIONS_CONFIG, TickcastConfig.TOPIC_DRIFT_METRICS_CONFIG,
            TickcastConfig.TOPIC_DRIFT_EVENTS_CONFIG, TickcastConfig.TOPIC_DLQ_CONFIG);

    /**
     * Writes {@code chaos.properties} into {@code workDir}: {@link #DEFAULT_SETTINGS}, then {@code settings}, then a
     * fresh application id and fresh topic names. Every tick is a point unless {@code settings} set {@code bar.interval}.
     *
     * @param partitions partitions of the topics
     * @return the written configuration
     * @throws org.apache.kafka.common.config.ConfigException if a setting is invalid
     */
    public static RunConfig write(Path workDir, String bootstrapServers, int partitions, Map<String, String> settings)
            throws IOException {
        String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_SETTINGS);
        all.put(TickcastConfig.TOPICS_PARTITIONS_CONFIG, Integer.toString(partitions));
        all.putAll(settings);
        all.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        all.put(TickcastConfig.APPLICATION_ID_CONFIG, run);
        all.putIfAbsent(TickcastConfig.BAR_INTERVAL_CONFIG, "");
        for (String key : TOPIC_KEYS) {
            all.put(key, run + "-" + key.substring("topic.".length()).replace('.', '-'));
        }
        Properties props = new Properties();
        props.putAll(all);
        Files.createDirectories(workDir);
        Path file = workDir.resolve("chaos.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "tickcast chaos run " + run + ": every instance and the reference run use this file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties read = new Properties();
            read.load(in);
            return new RunConfig(file, TickcastConfig.load(read, System.getenv(), Map.of()));
        }
    }

    /** Creates the run's topics with the configured partitions. */
    public void createTopics() {
        TopicAdmin.ensureTopics(config.kafkaProperties(), TOPIC_KEYS.stream().map(config::getString).toList(),
                config.getInt(TickcastConfig.TOPICS_PARTITIONS_CONFIG), (short) -1);
    }

    /** @return the arguments of {@code tickcast run} for an instance of this run */
    public List<String> runArgs() {
        return List.of("--bootstrap-servers", config.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG),
                "--config", file.toString());
    }

    public String applicationId() {
        return config.getString(TickcastConfig.APPLICATION_ID_CONFIG);
    }

    public String ticksTopic() {
        return config.getString(TickcastConfig.TOPIC_TICKS_CONFIG);
    }

    public String predictionsTopic() {
        return config.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG);
    }
}
