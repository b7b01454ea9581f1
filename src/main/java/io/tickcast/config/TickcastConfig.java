package io.tickcast.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.pipeline.IdleRetention;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.tick.TickGuard;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * tickcast's configuration: every key with its type, default, validator and documentation, defined once.
 *
 * <p>Values come from, in increasing precedence: the defaults below, a properties file
 * ({@code config/tickcast.properties}), environment variables {@code TICKCAST_<KEY>} (the key upper-cased, dots as
 * underscores: {@code TICKCAST_HTTP_PORT} sets {@code http.port}; {@value #LAUNCHER_ENV} is the launcher's, not a key)
 * and explicit overrides (command-line flags).
 * Keys starting with {@value #KAFKA_PREFIX} pass, without the prefix, to the Kafka clients and Kafka Streams, so
 * that security and tuning settings reach them unchanged. A bad value, or a key that is neither defined here nor
 * prefixed, fails at start with a {@link ConfigException} that names the key.
 */
public final class TickcastConfig extends AbstractConfig {

    /** Prefix of keys passed through to Kafka clients and Kafka Streams. */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Prefix of the environment variables that override keys. */
    public static final String ENV_PREFIX = "TICKCAST_";
    /** The launcher's variable for the JVM's flags ({@code ./tickcast}): it has the prefix but is not a key. */
    public static final String LAUNCHER_ENV = "TICKCAST_JAVA_OPTS";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "kafka.bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers, host:port[,host:port...].";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: the consumer group, and the prefix"
            + " of internal topics. Instances with the same id share the work.";

    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    private static final String PROCESSING_GUARANTEE_DOC = "exactly_once_v2 (every input point yields exactly one"
            + " committed prediction, and model state matches the committed offsets) or at_least_once.";

    public static final String TOPIC_TICKS_CONFIG = "topic.ticks";
    public static final String TOPIC_PREDICTIONS_CONFIG = "topic.predictions";
    public static final String TOPIC_DRIFT_METRICS_CONFIG = "topic.drift.metrics";
    public static final String QUALITY_REPORT_EVERY_CONFIG = "quality.report.every";
    private static final String QUALITY_REPORT_EVERY_DOC = "Write a symbol's quality report to the drift-metrics topic"
            + " for every N-th scored point (1: every point). The gauges on /metrics follow every point either way."
            + " A report is about 1.7 KB of JSON, about a third of the service's CPU per point end to end.";
    public static final String TOPIC_DRIFT_EVENTS_CONFIG = "topic.drift.events";
    public static final String TOPIC_DLQ_CONFIG = "topic.dlq";

    public static final String TOPICS_CREATE_CONFIG = "topics.create";
    private static final String TOPICS_CREATE_DOC = "Create missing topics at start (needs the right to create topics).";
    public static final String TOPICS_PARTITIONS_CONFIG = "topics.partitions";
    private static final String TOPICS_PARTITIONS_DOC = "Partitions of topics tickcast creates: the most instances"
            + " (and stream threads) that can share the work.";
    public static final String TOPICS_REPLICATION_CONFIG = "topics.replication.factor";
    private static final String TOPICS_REPLICATION_DOC = "Replication factor of topics tickcast creates; -1 takes the"
            + " broker's default.";

    public static final String HTTP_PORT_CONFIG = "http.port";
    private static final String HTTP_PORT_DOC = "Port of the HTTP endpoint (/metrics, /health, /ready, /models); 0 picks a free port.";

    public static final String HTTP_ADVERTISED_HOST_CONFIG = "http.advertised.host";
    private static final String HTTP_ADVERTISED_HOST_DOC = "Host name other instances use to reach this one's HTTP"
            + " endpoint (Kafka Streams' application.server): /models/{symbol} redirects there. Empty: this"
            + " machine's host name.";

    public static final String BAR_INTERVAL_CONFIG = "bar.interval";
    private static final String BAR_INTERVAL_DOC = "Empty: every tick is a point. A duration (e.g. 1m): a point is the close"
            + " of each time bar of that length, built with Kafka Streams windows.";
    public static final String BAR_GRACE_CONFIG = "bar.grace";
    private static final String BAR_GRACE_DOC = "How long after a bar's end late ticks are still added to it; the bar is"
            + " emitted when stream time passes end + grace.";

    public static final String TICK_MAX_LATENESS_CONFIG = "tick.max.lateness";
    private static final String TICK_MAX_LATENESS_DOC = "A tick older than its symbol's latest tick by more than this goes"
            + " to the dead-letter topic as OUT_OF_ORDER; within it, a tick whose id and ts were accepted before is a"
            + " DUPLICATE (each symbol keeps the ids of its ticks within this of its latest one).";

    public static final String TICK_MAX_FUTURE_CONFIG = "tick.max.future";
    private static final String TICK_MAX_FUTURE_DOC = "A tick whose ts is later than its Kafka record's timestamp by more"
            + " than this goes to the dead-letter topic as BAD_TIMESTAMP (a clock far ahead, microseconds sent as"
            + " milliseconds): accepted, it would make its symbol's ticks OUT_OF_ORDER until their time caught up with"
            + " it. Backtests read files without record timestamps and do not check this.";

    public static final String SYMBOLS_ALLOWED_CONFIG = "symbols.allowed";
    private static final String SYMBOLS_ALLOWED_DOC = "A regular expression (Java syntax) the whole symbol of every tick"
            + " must match, e.g. BTC-USD|ETH-USD or [A-Z]{3,5}-USD; a tick of another symbol goes to the dead-letter"
            + " topic as BAD_SYMBOL. Empty: any symbol. Each symbol keeps state (its model, its checkpoint, its ids),"
            + " so a producer that sends junk symbols grows the stores; this keeps them out. Backtests read the files"
            + " they are given and do not check this.";

    public static final String SYMBOLS_IDLE_RETENTION_CONFIG = "symbols.idle.retention";
    private static final String SYMBOLS_IDLE_RETENTION_DOC = "Empty: a symbol keeps its state forever. A duration (e.g."
            + " 30d): a point of a symbol whose previous point (tick, or bar end) is older than this (event time)"
            + " starts the symbol over with a fresh model, as backtests do too; and every minute each stream task deletes the state of its idle"
            + " symbols (tick-guard entry, trade ids, checkpoint, journal, model in memory, /models entry, series),"
            + " so that symbols which stop trading for"
            + " good do not keep state forever; a symbol is deleted only once the newest tick of its task (its input"
            + " partition) is past its"
            + " latest by more than this plus bar.interval, bar.grace and tick.max.lateness, and it had no point"
            + " for a minute. Must be longer than bar.interval and tick.max.lateness.";

    public static final String STATE_DIR_CONFIG = "state.dir";
    private static final String STATE_DIR_DOC = "Directory of Kafka Streams' local state stores.";

    public static final String CHECKPOINT_EVERY_CONFIG = "model.checkpoint.every";
    private static final String CHECKPOINT_EVERY_DOC = "Points between two durable checkpoints of a symbol's model;"
            + " the points in between are journaled and replayed on restore.";
    public static final String MODELS_MAX_LIVE_CONFIG = "models.max.live";
    private static final String MODELS_MAX_LIVE_DOC = "Models kept in memory per stream task (about 200 KB each with the"
            + " default model; an instance running N tasks holds up to N times this many); beyond it the least recently"
            + " used are freed, and rebuilt from their stored state on their next point, their per-symbol series ending"
            + " until then.";

    public static final String MODEL_ENGINE_CONFIG = "model.engine";
    public static final String MODEL_HIDDEN_CONFIG = "model.hidden";
    public static final String MODEL_LAYERS_CONFIG = "model.layers";
    public static final String MODEL_WINDOW_CONFIG = "model.window";
    public static final String MODEL_BPTT_CONFIG = "model.bptt";
    public static final String MODEL_LEARNING_RATE_CONFIG = "model.learning.rate";
    public static final String MODEL_SEED_CONFIG = "model.seed";
    public static final String MODEL_UPDATE_EVERY_CONFIG = "model.update.every";
    private static final String MODEL_UPDATE_EVERY_DOC = "m: labelled points per Adam step. 1 (the default) steps on"
            + " every point; m > 1 (fast engine only, m + k - 1 <= W) steps every m points over the last m + k - 1,"
            + " several times cheaper per point; every point is still scored and predicted. See BENCHMARKS.md.";

    /** The model defaults are the pipeline's: one place for each fact. */
    private static final ForecasterSpec MODEL = PipelineSettings.DEFAULT_FORECASTER;

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(APPLICATION_ID_CONFIG, Type.STRING, "tickcast", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    APPLICATION_ID_DOC)
            .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, "exactly_once_v2",
                    ValidString.in("exactly_once_v2", "at_least_once"), Importance.MEDIUM, PROCESSING_GUARANTEE_DOC)
            .define(TOPIC_TICKS_CONFIG, Type.STRING, "ticks", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Input topic: key = symbol, value = a JSON tick.")
            .define(TOPIC_PREDICTIONS_CONFIG, Type.STRING, "predictions", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Output topic: one prediction of the next price per input point.")
            .define(TOPIC_DRIFT_METRICS_CONFIG, Type.STRING, "drift-metrics", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic: forecast quality per scored point.")
            .define(QUALITY_REPORT_EVERY_CONFIG, Type.INT, 1, Range.between(1, 1_000_000), Importance.LOW,
                    QUALITY_REPORT_EVERY_DOC)
            .define(TOPIC_DRIFT_EVENTS_CONFIG, Type.STRING, "drift-events", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Output topic: drift detector events.")
            .define(TOPIC_DLQ_CONFIG, Type.STRING, "ticks.dlq", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Dead-letter topic: rejected ticks, original bytes, reason in the tickcast.dlq.reason header.")
            .define(TOPICS_CREATE_CONFIG, Type.BOOLEAN, true, Importance.LOW, TOPICS_CREATE_DOC)
            .define(TOPICS_PARTITIONS_CONFIG, Type.INT, 4, Range.between(1, 10_000), Importance.MEDIUM,
                    TOPICS_PARTITIONS_DOC)
            .define(TOPICS_REPLICATION_CONFIG, Type.SHORT, (short) -1, Importance.LOW, TOPICS_REPLICATION_DOC)
            .define(HTTP_PORT_CONFIG, Type.INT, 9464, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
            .define(HTTP_ADVERTISED_HOST_CONFIG, Type.STRING, "", Importance.LOW, HTTP_ADVERTISED_HOST_DOC)
            .define(BAR_INTERVAL_CONFIG, Type.STRING, "", durationOrEmpty(), Importance.MEDIUM, BAR_INTERVAL_DOC)
            .define(BAR_GRACE_CONFIG, Type.STRING, "5s", duration(), Importance.LOW, BAR_GRACE_DOC)
            .define(TICK_MAX_LATENESS_CONFIG, Type.STRING, TickGuard.DEFAULT_MAX_LATENESS.toSeconds() + "s", duration(), Importance.LOW, TICK_MAX_LATENESS_DOC)
            .define(TICK_MAX_FUTURE_CONFIG, Type.STRING, "1m", duration(), Importance.LOW, TICK_MAX_FUTURE_DOC)
            .define(SYMBOLS_ALLOWED_CONFIG, Type.STRING, "", regexOrEmpty(), Importance.MEDIUM, SYMBOLS_ALLOWED_DOC)
            .define(SYMBOLS_IDLE_RETENTION_CONFIG, Type.STRING, "", durationOrEmpty(), Importance.MEDIUM,
                    SYMBOLS_IDLE_RETENTION_DOC)
            .define(STATE_DIR_CONFIG, Type.STRING, "/tmp/tickcast-state",
                    new ConfigDef.NonEmptyString(), Importance.MEDIUM, STATE_DIR_DOC)
            .define(CHECKPOINT_EVERY_CONFIG, Type.INT, 1000, Range.between(1, 1_000_000), Importance.LOW,
                    CHECKPOINT_EVERY_DOC)
            .define(MODELS_MAX_LIVE_CONFIG, Type.INT, 250, Range.atLeast(1), Importance.MEDIUM, MODELS_MAX_LIVE_DOC)
            .define(MODEL_ENGINE_CONFIG, Type.STRING, MODEL.engine(), ValidString.in("fast", "dl4j", "nd4j"),
                    Importance.MEDIUM, "Forecaster engine: fast (the default), nd4j (the same update as ND4J ops, one"
                            + " layer, m = 1: ~2,000 updates/s at k = 8, ~8,000 at k = 1; scale it with one instance per core, not"
                            + " with stream threads) or dl4j (the plain"
                            + " MultiLayerNetwork reference, ~15 updates/s); see BENCHMARKS.md.")
            .define(MODEL_HIDDEN_CONFIG, Type.INT, MODEL.hiddenSize(), Range.between(1, 1024), Importance.MEDIUM,
                    "LSTM units per layer.")
            .define(MODEL_LAYERS_CONFIG, Type.INT, MODEL.layers(), Range.between(1, 8), Importance.LOW, "Stacked LSTM layers.")
            .define(MODEL_WINDOW_CONFIG, Type.INT, MODEL.window(), Range.between(1, 4096), Importance.MEDIUM,
                    "W: the most recent points kept for training.")
            .define(MODEL_BPTT_CONFIG, Type.INT, MODEL.bpttHorizon(), Range.between(1, 4096), Importance.MEDIUM,
                    "k: steps back-propagated through per update (1..W), the recurrent state carried between points.")
            .define(MODEL_LEARNING_RATE_CONFIG, Type.DOUBLE, MODEL.learningRate(), Range.between(1e-9, 10.0), Importance.MEDIUM,
                    "Adam's learning rate.")
            .define(MODEL_SEED_CONFIG, Type.LONG, MODEL.seed(), Importance.LOW, "Seed of the weight initialisation.")
            .define(MODEL_UPDATE_EVERY_CONFIG, Type.INT, MODEL.updateEvery(), Range.between(1, 4096), Importance.LOW,
                    MODEL_UPDATE_EVERY_DOC);

    static {
        PipelineKeys.define(CONFIG);
    }

    private final PipelineSettings pipelineSettings;

    private TickcastConfig(Map<String, String> values) {
        super(CONFIG, values, false);
        checkKnownKeys(values);
        try {
            pipelineSettings = PipelineKeys.settings(this, PipelineSettings.defaults().withForecaster(forecasterSpec()));
        } catch (ForecasterSpec.InvalidSpecException e) {
            throw new ConfigException(modelKey(e.field()), e.value(), e.rule(TickcastConfig::modelKey));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid configuration: " + e.getMessage());
        }
        Duration retention = symbolsIdleRetention();
        if (!retention.isZero() && (retention.compareTo(barInterval()) <= 0
                || retention.compareTo(tickMaxLateness()) <= 0)) {
            throw new ConfigException(SYMBOLS_IDLE_RETENTION_CONFIG, getString(SYMBOLS_IDLE_RETENTION_CONFIG),
                    "must be longer than bar.interval (" + (barInterval().isZero() ? "none" : getString(
                            BAR_INTERVAL_CONFIG)) + ") and tick.max.lateness (" + getString(TICK_MAX_LATENESS_CONFIG)
                            + ")");
        }
    }

    /** @return the key that sets a field of the model spec */
    private static String modelKey(ForecasterSpec.Field field) {
        return switch (field) {
            case ENGINE -> MODEL_ENGINE_CONFIG;
            case INPUT_SIZE -> "model.input.size (fixed by the pipeline's features)";
            case HIDDEN_SIZE -> MODEL_HIDDEN_CONFIG;
            case LAYERS -> MODEL_LAYERS_CONFIG;
            case WINDOW -> MODEL_WINDOW_CONFIG;
            case BPTT_HORIZON -> MODEL_BPTT_CONFIG;
            case LEARNING_RATE -> MODEL_LEARNING_RATE_CONFIG;
            case UPDATE_EVERY -> MODEL_UPDATE_EVERY_CONFIG;
        };
    }

    /** @return the model the configuration describes, validated: a rule it breaks names the key */
    private ForecasterSpec forecasterSpec() {
        return new ForecasterSpec(getString(MODEL_ENGINE_CONFIG), MODEL.inputSize(), getInt(MODEL_HIDDEN_CONFIG),
                getInt(MODEL_LAYERS_CONFIG), getInt(MODEL_WINDOW_CONFIG), getInt(MODEL_BPTT_CONFIG),
                getDouble(MODEL_LEARNING_RATE_CONFIG), getLong(MODEL_SEED_CONFIG), getInt(MODEL_UPDATE_EVERY_CONFIG))
                .validate();
    }

    /** @return the per-symbol pipeline settings the configuration describes, validated at start */
    public PipelineSettings pipelineSettings() {
        return pipelineSettings;
    }

    /**
     * Builds the configuration from a properties file's entries, the environment and overrides.
     *
     * @param file      entries of the properties file (may be empty)
     * @param env       the environment, e.g. {@code System.getenv()}; only {@code TICKCAST_*} variables are read
     * @param overrides explicit values that win over everything else (command-line flags)
     * @throws ConfigException naming the key, if a value is invalid or a key is unknown
     */
    public static TickcastConfig load(Properties file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        file.stringPropertyNames().forEach(k -> values.put(k.trim(), file.getProperty(k).trim()));
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !name.equals(LAUNCHER_ENV)) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (!isKnown(key)) {
                    throw new ConfigException(name, value, "no configuration key '" + key + "' (environment"
                            + " variables " + ENV_PREFIX + "<KEY> set keys; Kafka client and Streams properties take"
                            + " the '" + KAFKA_PREFIX + "' prefix, as " + ENV_PREFIX + "KAFKA_<PROPERTY>)");
                }
                values.put(key, value.trim());
            }
        });
        values.putAll(overrides);
        return new TickcastConfig(values);
    }

    /** @return the defaults, with the given overrides */
    public static TickcastConfig of(Map<String, String> overrides) {
        return load(new Properties(), Map.of(), overrides);
    }

    /** @return every defined key with its documentation, for the README and {@code --help}. */
    public static ConfigDef definition() {
        return CONFIG;
    }

    /** @return the Kafka client and Streams properties given with the {@value #KAFKA_PREFIX} prefix, prefix removed. */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> kafka = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
        kafka.put("bootstrap.servers", getString(BOOTSTRAP_SERVERS_CONFIG));
        return kafka;
    }

    /** @return the bar length, or {@link Duration#ZERO} when every tick is a point */
    public Duration barInterval() {
        String text = getString(BAR_INTERVAL_CONFIG);
        return text.isBlank() ? Duration.ZERO : Durations.parse(text);
    }

    /** @return the advertised host of the HTTP endpoint, this machine's host name when none is configured */
    public String advertisedHost() {
        String host = getString(HTTP_ADVERTISED_HOST_CONFIG);
        if (!host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    public Duration barGrace() {
        return Durations.parse(getString(BAR_GRACE_CONFIG));
    }

    public Duration tickMaxLateness() {
        return Durations.parse(getString(TICK_MAX_LATENESS_CONFIG));
    }

    /** @return how long a silent symbol keeps its state; {@link Duration#ZERO}: forever */
    public Duration symbolsIdleRetention() {
        String text = getString(SYMBOLS_IDLE_RETENTION_CONFIG);
        return text.isBlank() ? Duration.ZERO : Durations.parse(text);
    }

    /** @return {@link #symbolsIdleRetention()} as the service and backtests apply it */
    public IdleRetention idleRetention() {
        return IdleRetention.of(symbolsIdleRetention());
    }

    public Duration tickMaxFuture() {
        return Durations.parse(getString(TICK_MAX_FUTURE_CONFIG));
    }

    private static boolean isKnown(String key) {
        return CONFIG.names().contains(key) || key.startsWith(KAFKA_PREFIX);
    }

    private static void checkKnownKeys(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!isKnown(key)) {
                throw new ConfigException(key, values.get(key), "unknown configuration key (Kafka client and Streams"
                        + " properties take the '" + KAFKA_PREFIX + "' prefix)");
            }
        }
    }

    private static ConfigDef.Validator regexOrEmpty() {
        return (name, value) -> {
            try {
                java.util.regex.Pattern.compile(String.valueOf(value));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigException(name, value, "not a regular expression: " + e.getDescription());
            }
        };
    }

    /** @return the pattern every symbol must match, or null for any symbol */
    public java.util.regex.Pattern symbolsAllowed() {
        String regex = getString(SYMBOLS_ALLOWED_CONFIG);
        return regex.isEmpty() ? null : java.util.regex.Pattern.compile(regex);
    }

    private static ConfigDef.Validator duration() {
        return (name, value) -> {
            try {
                Durations.parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        };
    }

    private static ConfigDef.Validator durationOrEmpty() {
        ConfigDef.Validator duration = duration();
        return (name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                duration.ensureValid(name, value);
            }
        };
    }
}
