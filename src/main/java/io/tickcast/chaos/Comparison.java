package io.tickcast.chaos;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a published prediction compares with the uninterrupted run's. */
public enum Comparison {
    /** Every field equal; every number the same double, bit for bit. */
    BIT_EXACT,
    /** Not bit-exact, but every number within a relative {@value #TOLERANCE} and everything else equal. */
    WITHIN_TOLERANCE,
    /** A field differs by more than that, or is missing. */
    MISMATCHED;

    /** Relative tolerance of {@link #WITHIN_TOLERANCE}. */
    public static final double TOLERANCE = 1e-6;

    /**
     * @param expected the reference prediction (without latency)
     * @param actual   the published one (without latency)
     * @return the comparison
     */
    public static Comparison of(ObjectNode expected, ObjectNode actual) {
        if (expected.size() != actual.size()) {
            return MISMATCHED;
        }
        Comparison result = BIT_EXACT;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Comparison c = field(field.getValue(), actual.get(field.getKey()));
            if (c.ordinal() > result.ordinal()) {
                result = c;
            }
        }
        return result;
    }

    private static Comparison field(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return MISMATCHED;
        }
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (Double.doubleToLongBits(e) == Double.doubleToLongBits(a) && expected.asText().equals(actual.asText())) {
                return BIT_EXACT;
            }
            return Math.abs(e - a) <= TOLERANCE * Math.max(Math.abs(e), Math.abs(a)) ? WITHIN_TOLERANCE : MISMATCHED;
        }
        return expected.equals(actual) ? BIT_EXACT : MISMATCHED;
    }
}
