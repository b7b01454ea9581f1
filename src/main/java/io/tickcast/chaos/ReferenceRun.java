package io.tickcast.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.JsonSerde;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.tick.Tick;

/**
 * The uninterrupted run: each symbol's pipeline, built by the same factory the service uses, fed the same points in
 * the same order in this JVM, with nothing killed. Its predictions are kept as the JSON the service would publish,
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
        JsonSerde<Prediction> serde = new JsonSerde<>(Prediction.class);
        Map<String, SymbolPipeline> bySymbol = new HashMap<>();
        Map<PointKey, ObjectNode> out = new HashMap<>(ticks.size() * 2);
        try {
            for (Tick t : ticks) {
                SymbolPipeline pipeline = bySymbol.computeIfAbsent(t.symbol(), pipelines::create);
                Prediction p = pipeline.process(new Point(t.symbol(), t.ts(), t.price(), t.size(), 0L)).prediction();
                out.put(new PointKey(t.symbol(), t.ts()), withoutLatency(serde.serializer().serialize("", p)));
            }
        } finally {
            bySymbol.values().forEach(SymbolPipeline::close);
        }
        return out;
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
