package io.tickcast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongUnaryOperator;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickcast.broker.EmbeddedBroker;
import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.service.TempDirectory;
import io.tickcast.service.TickcastService;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickJson;
import io.tickcast.tick.TickReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real service on a broker (an in-process one it starts, or one the user names), driven by a plain producer and
 * read back by a plain read_committed consumer: throughput and latency as a user would measure them. Each run uses
 * symbols of its own, so models start fresh and runs do not see each other's predictions.
 */
public final class EndToEndBench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndBench.class);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** When a run needs more ticks than the bundled month has, it replays the month again this much later. */
    private static final long CYCLE_SHIFT_MS = Duration.ofDays(60).toMillis();

    /** The broker this bench started, or null when it runs against the user's. */
    private final EmbeddedBroker broker;
    private final String bootstrapServers;
    private final TickcastService service;
    private final String predictionsTopic;
    private final String ticksTopic;
    /** The service's state directory, the bench's own: deleted on {@link #close()}. */
    private final TempDirectory stateDir;
    private int runs;

    private EndToEndBench(EmbeddedBroker broker, TickcastService service, TickcastConfig config,
                          TempDirectory stateDir) {
        this.broker = broker;
        this.stateDir = stateDir;
        this.bootstrapServers = config.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.service = service;
        this.predictionsTopic = config.getString(TickcastConfig.TOPIC_PREDICTIONS_CONFIG);
        this.ticksTopic = config.getString(TickcastConfig.TOPIC_TICKS_CONFIG);
    }

    /**
     * Starts a broker on a free port and the service on it.
     *
     * @param overrides config keys for the service (e.g. {@code processing.guarantee})
     */
    public static EndToEndBench start(Map<String, String> overrides) throws IOException {
        EmbeddedBroker broker = EmbeddedBroker.start(0);
        try {
            return start(broker, broker.bootstrapServers(), overrides);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Starts the service on a broker that is already running, e.g. {@code tickcast broker} in another process or on
     * another machine; the broker is left running on {@link #close()}.
     *
     * @param bootstrapServers the broker's address, host:port[,host:port...]
     * @param overrides config keys for the service
     */
    public static EndToEndBench start(String bootstrapServers, Map<String, String> overrides) throws IOException {
        return start(null, bootstrapServers, overrides);
    }

    private static EndToEndBench start(EmbeddedBroker broker, String bootstrapServers, Map<String, String> overrides)
            throws IOException {
        TempDirectory state = TempDirectory.create("tickcast-bench-state");
        Map<String, String> values = new HashMap<>(overrides);
        values.put(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        values.put(TickcastConfig.STATE_DIR_CONFIG, state.path().toString());
        values.putIfAbsent(TickcastConfig.HTTP_PORT_CONFIG, "0");
        TickcastConfig config;
        TickcastService service;
        try {
            config = TickcastConfig.of(values);
            service = TickcastService.start(config);
        } catch (IOException | RuntimeException e) {
            delete(state);
            throw e;
        }
        boolean running = false;
        try {
            running = service.awaitRunning(STARTUP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!running) {
            service.close();
            delete(state);
            throw new IllegalStateException("the service did not start processing within " + STARTUP_TIMEOUT.toSeconds()
                    + " s on the broker at " + bootstrapServers);
        }
        return new EndToEndBench(broker, service, config, state);
    }

    /** @return the address of the broker the service and the bench's clients use */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Publishes {@code rate} ticks/s, round-robin over {@code symbols} symbols, for {@code warmUp} and then for
     * {@code duration}; the figures cover the points published after the warm-up only (the first points of a
     * fresh application wait for the partition assignment, and the JIT has not compiled the hot path yet).
     */
    public EndToEndResult steadyRate(double rate, Duration warmUp, Duration duration, int symbols) {
        return steadyRate(rate, warmUp, duration, symbols, false);
    }

    /**
     * @param tradeIds whether the ticks carry trade ids, as exchange trades do (the bundled month has none): the
     *                 service's tick guard then keeps each one in its {@code trade-ids} store
     * @see #steadyRate(double, Duration, Duration, int)
     */
    public EndToEndResult steadyRate(double rate, Duration warmUp, Duration duration, int symbols, boolean tradeIds) {
        long warmUpCount = (long) (rate * warmUp.toMillis() / 1000.0);
        long count = (long) (rate * duration.toMillis() / 1000.0);
        return run("rate", rate, warmUpCount, count, symbols, tradeIds);
    }

    /** Publishes {@code count} ticks as fast as the producer takes them, over {@code symbols} symbols. */
    public EndToEndResult flatOut(long count, int symbols) {
        return flatOut(count, symbols, false);
    }

    /**
     * @param tradeIds whether the ticks carry trade ids (see {@link #steadyRate(double, Duration, Duration, int,
     *                 boolean)})
     * @see #flatOut(long, int)
     */
    public EndToEndResult flatOut(long count, int symbols, boolean tradeIds) {
        return run("flat_out", 0, 0, count, symbols, tradeIds);
    }

    /**
     * Publishes the first {@code trades} trades of the bundled Binance session (9,757 trades over 346 s, up to 950 in
     * one second) at their recorded pace, {@code speed} times faster, under a symbol of this run and with their trade
     * ids; every prediction is measured. Real trades come in bursts, which a steady rate does not show.
     *
     * @param speed  1 for the pace they happened at, N for N times faster; positive
     * @param trades how many of the session's trades, from its start (all of them if it has fewer)
     */
    public EndToEndResult recordedPace(double speed, int trades) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        String prefix = newPrefix();
        List<Tick> ticks;
        try (TickReader reader = TickFiles.openBundled(TickFiles.Bundled.BINANCE_SESSION, "", bad -> { })) {
            ticks = reader.stream().limit(Math.max(1, trades))
                    .map(t -> new Tick(prefix + t.symbol(), t.ts(), t.price(), t.size(), t.id())).toList();
        }
        long first = ticks.get(0).ts();
        LongUnaryOperator dueNanos = i -> (long) ((ticks.get((int) i).ts() - first) * 1e6 / speed);
        return publishAndRead("recorded", speed, prefix, ticks, dueNanos, 0, false);
    }

    private EndToEndResult run(String mode, double rate, long warmUpCount, long measuredCount, int symbols,
                               boolean tradeIds) {
        int count = Math.toIntExact(warmUpCount + measuredCount);
        String prefix = newPrefix();
        List<Tick> series = bundledSeries(count);
        List<Tick> ticks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Tick t = series.get(i % series.size());
            long cycle = i / series.size();
            ticks.add(new Tick(prefix + (i % symbols), t.ts() + cycle * CYCLE_SHIFT_MS, t.price(), t.size(),
                    tradeIds ? Integer.toString(i) : null));
        }
        LongUnaryOperator dueNanos = rate == 0 ? i -> 0 : i -> (long) ((i - 1) / rate * 1e9);
        long measuredFromMs = rate == 0 ? 0 : (long) (warmUpCount / rate * 1000);
        return publishAndRead(mode, rate, prefix, ticks, dueNanos, measuredFromMs, rate == 0);
    }

    private String newPrefix() {
        return "R" + (++runs) + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    /**
     * Sends each tick once its due time (nanoseconds after the start) has come, reads the predictions of this run's
     * symbols back, and measures those of ticks sent {@code measuredFromMs} or more after the start.
     */
    private EndToEndResult publishAndRead(String mode, double rate, String prefix, List<Tick> ticks,
                                          LongUnaryOperator dueNanos, long measuredFromMs, boolean flatOut) {
        int count = ticks.size();
        long deadlineNanos = Math.max(0, dueNanos.applyAsLong(count - 1)) + READ_TIMEOUT.toNanos();
        try (KafkaConsumer<String, Prediction> consumer = consumer();
             KafkaProducer<String, byte[]> producer = producer(flatOut)) {
            awaitAssignment(consumer);
            LatencyRecorder emit = new LatencyRecorder();
            LatencyRecorder visible = new LatencyRecorder();
            long streamCpuStart = CpuTime.threads(EndToEndBench::isStreamThread);
            long processCpuStart = CpuTime.process();
            long start = System.nanoTime();
            long startMs = System.currentTimeMillis();
            long measuredFrom = startMs + measuredFromMs;
            long lastArrival = startMs;
            int sent = 0;
            long received = 0;
            long measured = 0;
            while (received < count && System.nanoTime() - start < deadlineNanos) {
                while (sent < count && System.nanoTime() - start >= dueNanos.applyAsLong(sent)) {
                    Tick tick = ticks.get(sent);
                    producer.send(new ProducerRecord<>(ticksTopic, tick.symbol(), TickJson.write(tick)));
                    sent++;
                    if (flatOut && sent % 1000 == 0) {
                        break;
                    }
                }
                for (ConsumerRecord<String, Prediction> r : consumer.poll(Duration.ofMillis(flatOut ? 20 : 1))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        long now = System.currentTimeMillis();
                        received++;
                        lastArrival = now;
                        if (r.timestamp() >= measuredFrom) {
                            measured++;
                            emit.add(r.value().latencyMs());
                            visible.add(now - r.timestamp());
                        }
                    }
                }
            }
            double seconds = (lastArrival - measuredFrom) / 1000.0;
            double streamCpuUs = (CpuTime.threads(EndToEndBench::isStreamThread) - streamCpuStart) / 1e3;
            double processCpuUs = (CpuTime.process() - processCpuStart) / 1e3;
            return new EndToEndResult(mode, rate, sent, received, measured, seconds, measured / seconds,
                    emit.quantile(0.5),
                    emit.quantile(0.99), emit.max(), visible.quantile(0.5), visible.quantile(0.99), visible.max(),
                    streamCpuUs / Math.max(1, received), processCpuUs / Math.max(1, received));
        }
    }

    /** The in-process figures: wall-clock rate and CPU time per point of the one thread doing the work. */
    public record InProcess(@JsonProperty("points_per_s") double pointsPerS,
                            @JsonProperty("cpu_us_per_point") double cpuUsPerPoint) {
    }

    /**
     * The same per-point processing without Kafka: the service's pipeline over the bundled series, in this thread,
     * after an untimed pass over a tenth of it (the service's figures are taken with a warm JIT too).
     */
    public static InProcess inProcessPipeline(TickcastConfig config, long count) {
        List<Tick> series = bundledSeries(count);
        PipelineFactory factory = PipelineSettingsMapper.pipelines(config);
        runPipeline(factory, series.subList(0, Math.max(1, series.size() / 10)));
        long cpuStart = CpuTime.currentThread();
        long start = System.nanoTime();
        runPipeline(factory, series);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuUs = (CpuTime.currentThread() - cpuStart) / 1e3;
        return new InProcess(series.size() / seconds, cpuUs / series.size());
    }

    private static void runPipeline(PipelineFactory factory, List<Tick> series) {
        SymbolPipeline pipeline = factory.create("IN-PROCESS");
        try {
            for (Tick t : series) {
                pipeline.process(new Point("IN-PROCESS", t.ts(), t.price(), t.size(), 0));
            }
        } finally {
            pipeline.close();
        }
    }

    private static boolean isStreamThread(String threadName) {
        return threadName.contains("-StreamThread-") && !threadName.contains("producer");
    }

    /** @return the first {@code count} ticks of the bundled month (the diagnostic probes use it too) */
    static List<Tick> bundledSeries(long count) {
        try (TickReader reader = TickFiles.openBundled(TickFiles.DEFAULT_SYMBOL, bad -> { })) {
            return reader.stream().limit(Math.max(1, count)).toList();
        }
    }

    private KafkaConsumer<String, Prediction> consumer() {
        KafkaConsumer<String, Prediction> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new JsonSerde<>(Prediction.class).deserializer());
        consumer.subscribe(List.of(predictionsTopic));
        return consumer;
    }

    private static void awaitAssignment(KafkaConsumer<String, Prediction> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }

    private KafkaProducer<String, byte[]> producer(boolean batch) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, batch ? 5 : 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        service.close();
        delete(stateDir);
        if (broker != null) {
            broker.close();
        }
    }

    /** @return the service's state directory, which {@link #close()} deletes */
    public Path stateDir() {
        return stateDir.path();
    }

    private static void delete(TempDirectory dir) {
        try {
            dir.close();
        } catch (UncheckedIOException e) {
            LOG.warn("Could not delete the bench's state directory {}: {}", dir.path(), e.getCause().toString());
        }
    }
}
