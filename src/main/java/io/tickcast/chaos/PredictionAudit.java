package io.tickcast.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the predictions read from the topic: exactly one per point of the uninterrupted run (a tick, or a closed
 * bar), each equal to the uninterrupted run's.
 * When a point has duplicates, every copy is compared, and the worst comparison counts.
 */
public final class PredictionAudit {

    private static final int MAX_EXAMPLES = 10;

    private PredictionAudit() {
    }

    /**
     * @param predictions the predictions read, in topic order, as JSON without latency
     * @param reference   the uninterrupted run's predictions, one per point the service must have forecast
     * @return the counts
     */
    public static AuditResult audit(List<ObjectNode> predictions, Map<PointKey, ObjectNode> reference) {
        Map<PointKey, List<ObjectNode>> byPoint = new HashMap<>(predictions.size() * 2);
        List<String> examples = new ArrayList<>();
        long unexpected = 0;
        for (ObjectNode p : predictions) {
            PointKey key = new PointKey(p.path("symbol").asText(), p.path("ts").asLong());
            if (!reference.containsKey(key)) {
                unexpected++;
                example(examples, "unexpected prediction " + p);
            }
            byPoint.computeIfAbsent(key, k -> new ArrayList<>(1)).add(p);
        }
        long lost = 0;
        long duplicated = 0;
        long[] counts = new long[Comparison.values().length];
        for (PointKey key : reference.keySet()) {
            List<ObjectNode> copies = byPoint.getOrDefault(key, List.of());
            if (copies.isEmpty()) {
                lost++;
                example(examples, "lost: no prediction for " + key);
                continue;
            }
            if (copies.size() > 1) {
                duplicated += copies.size() - 1;
                example(examples, "duplicated: " + copies.size() + " predictions for " + key + ": " + copies);
            }
            Comparison worst = Comparison.BIT_EXACT;
            for (ObjectNode copy : copies) {
                Comparison c = Comparison.of(reference.get(key), copy);
                worst = c.ordinal() > worst.ordinal() ? c : worst;
            }
            counts[worst.ordinal()]++;
            if (worst == Comparison.MISMATCHED) {
                example(examples, "mismatched at " + key + ": expected " + reference.get(key) + ", got " + copies);
            }
        }
        return new AuditResult(reference.size(), predictions.size(), lost, duplicated, unexpected,
                counts[Comparison.BIT_EXACT.ordinal()], counts[Comparison.WITHIN_TOLERANCE.ordinal()],
                counts[Comparison.MISMATCHED.ordinal()], examples);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }
}
