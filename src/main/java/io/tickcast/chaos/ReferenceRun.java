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
import io.tickcast.backtest.BarWindows;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.tick.Tick;
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
     * @param pipelines makes each symbol's pipeline, as the service's topology does
     * @param ticks     the ticks in publishing order
     * @return per input point, the prediction as JSON without {@value #LATENCY_FIELD}
     */
    public static Map<PointKey, ObjectNode> predict(PipelineFactory pipelines, List<Tick> ticks) {
        return predict(pipelines, ticks, Duration.ZERO, Duration.ZERO, 1);
    }

    /**
     * The same with time bars: the ticks of each input partition (the producer's default partitioning of the
     * symbol key) go through one {@link BarWindows}, as each stream task of the service keeps its own stream time,
     * and the closed bars are the points.
     *
     * @param barInterval the bar length, {@link Duration#ZERO} for a point per tick
     * @param barGrace    the bars' grace period
     * @param partitions  partitions of the ticks topic
     * @return per point (tick or bar), the prediction as JSON without {@value #LATENCY_FIELD}
     */
    public static Map<PointKey, ObjectNode> predict(PipelineFactory pipelines, List<Tick> ticks, Duration barInterval,
                                                    Duration barGrace, int partitions) {
        JsonSerde<Prediction> serde = new JsonSerde<>(Prediction.class);
        Map<String, SymbolPipeline> bySymbol = new HashMap<>();
        Map<Integer, BarWindows> byPartition = new HashMap<>();
        Map<PointKey, ObjectNode> out = new HashMap<>(ticks.size() * 2);
        Consumer<Point> process = point -> {
            SymbolPipeline pipeline = bySymbol.computeIfAbsent(point.symbol(), pipelines::create);
            Prediction p = pipeline.process(point).prediction();
            out.put(new PointKey(point.symbol(), point.ts()), withoutLatency(serde.serializer().serialize("", p)));
        };
        try {
            for (Tick t : ticks) {
                Point point = new Point(t.symbol(), t.ts(), t.price(), t.size(), 0L);
                if (barInterval.isZero()) {
                    process.accept(point);
                } else {
                    byPartition.computeIfAbsent(partition(t.symbol(), partitions),
                            p -> new BarWindows(barInterval, barGrace)).add(point).forEach(process);
                }
            }
        } finally {
            bySymbol.values().forEach(SymbolPipeline::close);
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
