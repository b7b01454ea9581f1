package io.tickcast.service;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickcast.config.TickcastConfig;
import io.tickcast.http.HttpEndpoint;
import io.tickcast.metrics.Registries;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.stream.ModelDirectory;
import io.tickcast.stream.TickcastTopology;
import io.tickcast.stream.TopologySettings;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tickcast service: the topology running in Kafka Streams, its meters, and the HTTP endpoint. Start it with
 * {@link #start}, stop it with {@link #close}.
 */
public final class TickcastService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickcastService.class);

    private final KafkaStreams streams;
    private final PrometheusMeterRegistry registry;
    private final KafkaStreamsMetrics streamsMetrics;
    private final HttpEndpoint http;
    private final ModelDirectory directory;

    private TickcastService(KafkaStreams streams, PrometheusMeterRegistry registry, KafkaStreamsMetrics streamsMetrics,
                            HttpEndpoint http, ModelDirectory directory) {
        this.streams = streams;
        this.registry = registry;
        this.streamsMetrics = streamsMetrics;
        this.http = http;
        this.directory = directory;
    }

    /**
     * Creates missing topics (if configured), starts Kafka Streams and the HTTP endpoint.
     *
     * @throws IOException if the HTTP port cannot be bound
     */
    public static TickcastService start(TickcastConfig config) throws IOException {
        TopologySettings settings = TopologySettings.from(config);
        warmUpModelEngine(config);
        if (config.getBoolean(TickcastConfig.TOPICS_CREATE_CONFIG)) {
            TopicAdmin.ensureTopics(config.kafkaProperties(), settings.topics().names(),
                    config.getInt(TickcastConfig.TOPICS_PARTITIONS_CONFIG),
                    config.getShort(TickcastConfig.TOPICS_REPLICATION_CONFIG));
        }
        PrometheusMeterRegistry registry = Registries.prometheus();
        TickcastMetrics metrics = new TickcastMetrics(registry, config.getInt(TickcastConfig.MODELS_MAX_LIVE_CONFIG));
        ModelDirectory directory = new ModelDirectory();
        AtomicReference<KafkaStreams> streamsRef = new AtomicReference<>();
        HttpEndpoint http = null;
        KafkaStreams streams = null;
        KafkaStreamsMetrics streamsMetrics = null;
        try {
            HostInfo self = new HostInfo(config.advertisedHost(), config.getInt(TickcastConfig.HTTP_PORT_CONFIG));
            AtomicReference<HostInfo> bound = new AtomicReference<>(self);
            try {
                http = new HttpEndpoint(self.port(), registry,
                        () -> streamsRef.get() != null && isHealthy(streamsRef.get().state()),
                        () -> streamsRef.get() != null && streamsRef.get().state() == KafkaStreams.State.RUNNING,
                        new ClusterModelQueries(directory, streamsRef::get, bound::get));
            } catch (BindException e) {
                throw new ConfigException(TickcastConfig.HTTP_PORT_CONFIG, self.port(), "the port is in use ("
                        + e.getMessage() + "); give another, or 0 for a free one");
            }
            bound.set(new HostInfo(self.host(), http.port()));
            Topology topology = TickcastTopology.build(settings, PipelineSettingsMapper.pipelines(config), metrics,
                    directory);
            LOG.info("Topology:\n{}", topology.describe());
            Properties props = streamsProperties(config);
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, bound.get().host() + ":" + bound.get().port());
            streams = new KafkaStreams(topology, props);
            streams.setUncaughtExceptionHandler(new ThreadFailures(registry));
            StreamsStateMeter stateMeter = new StreamsStateMeter(registry);
            streams.setStateListener(stateMeter);
            streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(registry);
            streamsRef.set(streams);
            streams.start();
            return new TickcastService(streams, registry, streamsMetrics, http, directory);
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (streamsMetrics != null) {
                streamsMetrics.close();
            }
            if (streams != null) {
                streams.close(Duration.ofSeconds(5));
            }
            registry.close();
            throw e;
        }
    }

    /**
     * Builds the configured pipeline once before anything starts: its checkpoint must fit in a Kafka record
     * ({@link #checkCheckpointSize}), and the first model loads ND4J's native libraries (seconds), which would
     * otherwise stall the first symbol's first point.
     */
    private static void warmUpModelEngine(TickcastConfig config) {
        long started = System.nanoTime();
        long checkpointBytes = checkCheckpointSize(config);
        LOG.info("Model engine ready in {} ms; a checkpoint of this model takes up to {} bytes",
                (System.nanoTime() - started) / 1_000_000, checkpointBytes);
        engineAdvice(config).ifPresent(LOG::warn);
    }

    /**
     * @return a warning when the config asks for something the model engine does badly: several stream threads in
     *         one process with the nd4j engine, whose models share libnd4j's process-wide locks
     */
    static Optional<String> engineAdvice(TickcastConfig config) {
        String engine = config.pipelineSettings().forecaster().engineOrDefault();
        Object value = streamsProperties(config).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        int threads;
        try {
            threads = value == null ? 1 : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // Kafka Streams refuses the value itself, naming it
        }
        if (ForecasterSpec.ND4J_ENGINE.equals(engine) && threads > 1) {
            return Optional.of("model.engine=nd4j with kafka.num.stream.threads=" + threads + ": the stream threads of"
                    + " one process share libnd4j's process-wide locks and gain almost nothing over one thread"
                    + " (BENCHMARKS.md); run one instance per core with one stream thread each instead");
        }
        return Optional.empty();
    }

    /**
     * Checks, before anything starts, that a checkpoint of the configured model fits in one Kafka record
     * ({@link CheckpointSize}); {@link #start} does it too.
     *
     * @return the largest checkpoint the configuration can write, in bytes
     * @throws ConfigException naming {@code model.hidden} if it does not fit
     */
    public static long checkCheckpointSize(TickcastConfig config) {
        return CheckpointSize.check(config);
    }

    /** Kafka Streams' {@code windowstore.changelog.additional.retention.ms} unless configured: an hour. */
    static final long WINDOW_CHANGELOG_EXTRA_MS = Duration.ofHours(1).toMillis();

    static Properties streamsProperties(TickcastConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(TickcastConfig.APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(TickcastConfig.STATE_DIR_CONFIG));
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        // The window store (bars) needs minutes of its changelog, not Kafka Streams' extra day: an
        // in-memory store reads all of its changelog on every restore.
        props.put(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, WINDOW_CHANGELOG_EXTRA_MS);
        for (Map.Entry<String, Object> e : config.kafkaProperties().entrySet()) {
            props.put(e.getKey(), e.getValue());
        }
        return props;
    }

    private static boolean isHealthy(KafkaStreams.State state) {
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING;
    }

    /**
     * Waits until Kafka Streams is RUNNING (its tasks assigned and restored).
     *
     * @return true if it is, false if the timeout passed first
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    /** @return the port of the HTTP endpoint */
    public int httpPort() {
        return http.port();
    }

    /** @return the Kafka Streams state */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** @return the meters, as served on /metrics */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** @return the latest outcome of each symbol processed here */
    public ModelDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        http.close();
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        registry.close();
    }
}
