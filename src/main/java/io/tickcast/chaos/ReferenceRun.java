package io.tickcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.backtest.OfflineIngest;
import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.IdleRetention;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.SymbolPipelines;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickGuard;
import org.apache.kafka.common.utils.Utils;

/**
 * The uninterrupted run: each symbol's pipeline, built by the same factory the service uses, fed the same points in
 * the same order in this JVM, with nothing killed (with time bars, the bars the service's topology would close). Its predictions are kept as the JSON the service would publish,
 * without the wall-clock {@code latency_ms}.
 */
public final class ReferenceRun {

    /** The only field of a prediction that depends on the wall clock, left out of comparisons. */
    public static final String LATENCY_FIELD = "latency_ms";

    private ReferenceRun() {
    }

    /**
     * A point per tick, with the service's default tick guard.
     *
     * @param pipelines makes each symbol's pipeline, as the service's topology does
     * @param ticks     the ticks in publishing order
     * @return per accepted tick, the prediction as JSON without {@value #LATENCY_FIELD}
     */
    public static Map<PointKey, ObjectNode> predict(PipelineFactory pipelines, List<Tick> ticks) {
        return predict(pipelines, ticks, new OfflineIngest(Duration.ZERO, Duration.ZERO,
                TickGuard.DEFAULT_MAX_LATENESS, symbol -> 0), IdleRetention.NEVER);
    }

    /**
     * The same as the service configured by {@code config} does it: the ticks go through {@link OfflineIngest} as through the service's topology (the
     * tick guard, then one stream time per input partition, partitioned as the producer's default partitioner
     * does with the symbol key); with {@code bar.interval} set, the closed bars are the points.
     *
     * @param config      the run's configuration: bar interval and grace, lateness tolerance, partitions, idle
     *                    retention
     * @return per point (tick or bar), the prediction as JSON without {@value #LATENCY_FIELD}
     */
    public static Map<PointKey, ObjectNode> predict(PipelineFactory pipelines, List<Tick> ticks,
                                                    TickcastConfig config) {
        return run(pipelines, ticks, config).predictions();
    }

    /**
     * What {@link #predict(PipelineFactory, List, TickcastConfig)} returns, and the ticks the bars left out because
     * their bar had closed (the late ticks).
     *
     * @param predictions per point, the prediction as JSON without {@value #LATENCY_FIELD}
     * @param lateTicks   ticks left out of the bars as late, over all symbols; 0 without bars
     */
    public record Result(Map<PointKey, ObjectNode> predictions, long lateTicks) {
    }

    /** @see #predict(PipelineFactory, List, TickcastConfig) */
    public static Result run(PipelineFactory pipelines, List<Tick> ticks, TickcastConfig config) {
        int partitions = config.getInt(TickcastConfig.TOPICS_PARTITIONS_CONFIG);
        OfflineIngest ingest = new OfflineIngest(config.barInterval(), config.barGrace(), config.tickMaxLateness(),
                symbol -> partition(symbol, partitions));
        Map<PointKey, ObjectNode> predictions = predict(pipelines, ticks, ingest,
                config.idleRetention());
        long late = ticks.stream().map(Tick::symbol).distinct().mapToLong(ingest::lateTicks).sum();
        return new Result(predictions, late);
    }

    private static Map<PointKey, ObjectNode> predict(PipelineFactory pipelines, List<Tick> ticks,
                                                     OfflineIngest ingest, IdleRetention retention) {
        JsonSerde<Prediction> serde = new JsonSerde<>(Prediction.class);
        Map<PointKey, ObjectNode> out = new HashMap<>(ticks.size() * 2);
        try (SymbolPipelines bySymbol = new SymbolPipelines(pipelines::create, retention)) {
            Consumer<Point> process = point -> {
                Prediction p = bySymbol.forPoint(point).process(point).prediction();
                out.put(new PointKey(point.symbol(), point.ts()), withoutLatency(serde.serializer().serialize("", p)));
            };
            for (Tick t : ticks) {
                ingest.add(t, process);
            }
        }
        return out;
    }

    /** The partition the producer's default partitioner gives a record keyed by {@code symbol}. */
    public static int partition(String symbol, int partitions) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** @return a published prediction's JSON without {@value #LATENCY_FIELD} */
    public static ObjectNode withoutLatency(byte[] json) {
        try {
            ObjectNode node = (ObjectNode) JsonSerde.MAPPER.readTree(json);
            node.remove(LATENCY_FIELD);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("not a prediction: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
