package io.tickcast.tick;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tickcast.tick.TickParseResult.Accepted;
import io.tickcast.tick.TickParseResult.Rejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;

/**
 * Parses and validates one Kafka record of the tick format
 * {@code {"symbol":"BTC-USD","ts":<epoch ms or ISO-8601>,"price":<number>,"size":<number, optional>}}
 * (see {@link TickJson}) with Jackson's streaming parser.
 *
 * <p>Rules, checked in this order (the first failing rule is the reason):
 * <ol>
 *   <li>{@link RejectReason#NOT_JSON}: the value is null, not UTF-8 JSON, or not a JSON object;</li>
 *   <li>{@link RejectReason#MISSING_KEY}: the record key is null or blank (only in {@link #parse});</li>
 *   <li>{@link RejectReason#MISSING_SYMBOL}: no {@code symbol}, or it is not a non-blank string;</li>
 *   <li>{@link RejectReason#BAD_SYMBOL}: {@code symbol} is longer than {@value Tick#MAX_SYMBOL_LENGTH} characters or
 *       holds a control character;</li>
 *   <li>{@link RejectReason#KEY_MISMATCH}: the key differs from {@code symbol} (only in {@link #parse});</li>
 *   <li>{@link RejectReason#MISSING_PRICE}: no {@code price}, or it is {@code null};</li>
 *   <li>{@link RejectReason#NOT_NUMERIC}: {@code price} is neither a JSON number nor a string holding a
 *       decimal number, or a present {@code size} is not a finite number &ge; 0;</li>
 *   <li>{@link RejectReason#NON_FINITE_PRICE}: {@code price} is NaN or infinite (also written as the strings
 *       or the non-standard literals {@code NaN}/{@code Infinity}, or a number too large for a double);</li>
 *   <li>{@link RejectReason#NON_POSITIVE_PRICE}: {@code price} &le; 0;</li>
 *   <li>{@link RejectReason#BAD_TIMESTAMP}: {@code ts} is missing, or is neither a number (epoch milliseconds,
 *       fraction truncated), nor a string of digits (epoch milliseconds), nor ISO-8601 as accepted by
 *       {@link Timestamps#parseIso(String)} (with or without {@code T}, zone or fractional seconds; no zone
 *       means UTC);</li>
 *   <li>{@link RejectReason#BAD_ID}: a present, non-null {@code id} (the trade's id at its source) is neither a
 *       non-blank string of at most {@value Tick#MAX_ID_LENGTH} characters nor a 64-bit integer. An integer id is kept
 *       as its decimal text, so {@code 42} and {@code "42"} are the same id.</li>
 * </ol>
 * Numbers written as JSON strings ({@code "price":"101234.5"}) are accepted, because several exchanges
 * publish prices that way. Unknown extra fields are ignored, whatever their type. Duplicate fields: the
 * last one wins.
 *
 * <p>Stateless and thread-safe; the stateful rules ({@code OUT_OF_ORDER}, {@code DUPLICATE}) are applied
 * downstream.
 */
public final class TickParser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * Parses a record as it comes from the ticks topic.
     *
     * @param key   the record key (UTF-8 symbol); may be null
     * @param value the record value; may be null
     * @return the tick or the rejection; never null
     */
    public TickParseResult parse(byte[] key, byte[] value) {
        return parse(TickKey.text(key), value);
    }

    /**
     * Parses a record whose key has been read as text already ({@link TickKey#text}, as the stream reads keys).
     *
     * @param key   the record key, the symbol; may be null
     * @param value the record value; may be null
     * @return the tick or the rejection; never null
     */
    public TickParseResult parse(String key, byte[] value) {
        return parse(key, value, true);
    }

    /**
     * Parses a tick message without a record key (e.g. one line of a JSON-lines file): the key rules are
     * skipped, all others apply.
     *
     * @param value the message bytes; may be null
     * @return the tick or the rejection; never null
     */
    public TickParseResult parseValue(byte[] value) {
        return parse(null, value, false);
    }

    private TickParseResult parse(String key, byte[] value, boolean checkKey) {
        if (value == null) {
            return new Rejected(RejectReason.NOT_JSON, "value is null");
        }
        RawTick raw;
        try {
            raw = readFields(value);
        } catch (JsonProcessingException e) {
            return new Rejected(RejectReason.NOT_JSON, "not a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (raw == null) {
            return new Rejected(RejectReason.NOT_JSON, "value is not a JSON object");
        }
        if (checkKey && (key == null || key.isBlank())) {
            return new Rejected(RejectReason.MISSING_KEY, "record has no key; the key must be the symbol");
        }
        return validate(raw, key, checkKey);
    }

    private static TickParseResult validate(RawTick raw, String key, boolean checkKey) {
        if (raw.symbol == null || raw.symbol.isBlank()) {
            return new Rejected(RejectReason.MISSING_SYMBOL, "no non-blank string field 'symbol'");
        }
        String symbolProblem = Tick.symbolProblem(raw.symbol);
        if (symbolProblem != null) {
            return new Rejected(RejectReason.BAD_SYMBOL, symbolProblem);
        }
        if (checkKey && TickKey.isRaw(key)) {
            return new Rejected(RejectReason.KEY_MISMATCH, "key (" + TickKey.bytes(key).length + " bytes) is not UTF-8"
                    + " text; it must be the symbol '" + raw.symbol + "'");
        }
        if (checkKey && !key.equals(raw.symbol)) {
            return new Rejected(RejectReason.KEY_MISMATCH,
                    "key '" + key + "' differs from symbol '" + raw.symbol + "'");
        }
        if (raw.price == null) {
            return new Rejected(RejectReason.MISSING_PRICE, "no field 'price'");
        }
        Double price = NumberText.toDouble(raw.price);
        if (price == null) {
            return new Rejected(RejectReason.NOT_NUMERIC, "price is not a number: " + describe(raw.price));
        }
        if (!Double.isFinite(price)) {
            return new Rejected(RejectReason.NON_FINITE_PRICE, "price is not finite: " + describe(raw.price));
        }
        if (price <= 0) {
            return new Rejected(RejectReason.NON_POSITIVE_PRICE, "price is not positive: " + describe(raw.price));
        }
        return withTimestampAndSize(raw, price);
    }

    private static TickParseResult withTimestampAndSize(RawTick raw, double price) {
        long ts;
        try {
            ts = timestamp(raw.ts);
        } catch (DateTimeException e) {
            return new Rejected(RejectReason.BAD_TIMESTAMP, "bad 'ts' " + describe(raw.ts) + ": " + e.getMessage());
        }
        double size = Double.NaN;
        if (raw.size != null) {
            Double parsed = NumberText.toDouble(raw.size);
            if (parsed == null || !Double.isFinite(parsed) || parsed < 0) {
                return new Rejected(RejectReason.NOT_NUMERIC,
                        "size is not a finite number >= 0: " + describe(raw.size));
            }
            size = parsed;
        }
        String id = null;
        if (raw.id != null) {
            id = id(raw.id);
            if (id == null) {
                return new Rejected(RejectReason.BAD_ID, "id is neither a non-blank string of at most "
                        + Tick.MAX_ID_LENGTH + " characters nor an integer: " + describe(raw.id));
            }
        }
        return new Accepted(new Tick(raw.symbol, ts, price, size, id));
    }

    /** The id's text, or null if the value is not a valid id. */
    private static String id(Object value) {
        if (value instanceof Long integer) {
            return Long.toString(integer);
        }
        if (value instanceof String text && !text.isBlank() && text.length() <= Tick.MAX_ID_LENGTH) {
            return text;
        }
        return null;
    }

    private static long timestamp(Object ts) {
        if (ts == null) {
            throw new DateTimeException("missing");
        }
        if (ts instanceof Double millis) {
            if (!Double.isFinite(millis) || Math.abs(millis) > 9.0e15) {
                throw new DateTimeException("not epoch milliseconds");
            }
            return (long) Math.floor(millis);
        }
        if (ts instanceof Long millis) {
            return millis;
        }
        if (ts instanceof String text) {
            String s = text.strip();
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() <= 18) {
                return Long.parseLong(s);
            }
            return Timestamps.parseIso(s);
        }
        throw new DateTimeException("neither a number nor a string");
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
        }
        return String.valueOf(value);
    }

    /** Reads the known fields; returns null if the value is not an object. */
    private static RawTick readFields(byte[] value) throws IOException {
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            RawTick raw = new RawTick();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken token = p.nextToken();
                switch (field) {
                    case "symbol" -> raw.symbol = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "price" -> raw.price = scalar(p, token, false);
                    case "size" -> raw.size = scalar(p, token, false);
                    case "ts" -> raw.ts = scalar(p, token, true);
                    case "id" -> raw.id = scalar(p, token, true);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new JsonProcessingException("trailing content after the object") {
                };
            }
            return raw;
        }
    }

    /**
     * The value of a field: a Double for numbers (a Long for integral timestamps), a String for strings,
     * null for JSON null, and {@link NotScalar} for booleans, objects and arrays.
     */
    private static Object scalar(JsonParser p, JsonToken token, boolean integralAsLong) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT:
                if (integralAsLong && p.getNumberType() == JsonParser.NumberType.LONG
                        || integralAsLong && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getLongValue();
                }
                return p.getDoubleValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return p.getText();
            case VALUE_NULL:
                return null;
            default:
                String text = token.isStructStart() ? (token == JsonToken.START_OBJECT ? "an object" : "an array")
                        : p.getText();
                p.skipChildren();
                return new NotScalar(text);
        }
    }

    /** A field value that is not a number or string, kept only to be named in a rejection. */
    private record NotScalar(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** The known fields as read, before validation. */
    private static final class RawTick {
        private String symbol;
        private Object ts;
        private Object price;
        private Object size;
        private Object id;
    }
}
