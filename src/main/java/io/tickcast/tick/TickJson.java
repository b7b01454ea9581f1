package io.tickcast.tick;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes ticks in the tick message format read by {@link TickParser}:
 * {@code {"symbol":"BTC-USD","ts":1736208060000,"price":102228.0,"size":0.5,"id":"3735683259"}}, with {@code ts} in
 * epoch milliseconds, {@code size} left out when it is NaN and {@code id} when it is null. Stateless and thread-safe.
 */
public final class TickJson {

    private static final JsonFactory JSON = new JsonFactory();

    private TickJson() {
    }

    /**
     * Serialises a tick as UTF-8 JSON.
     *
     * @param tick the tick; its price should be finite (a non-finite price is written as a string and
     *             will be rejected by {@link TickParser} as {@code NON_FINITE_PRICE})
     * @return the message bytes
     */
    public static byte[] write(Tick tick) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("symbol", tick.symbol());
            g.writeNumberField("ts", tick.ts());
            writeNumber(g, "price", tick.price());
            if (!Double.isNaN(tick.size())) {
                writeNumber(g, "size", tick.size());
            }
            if (tick.id() != null) {
                g.writeStringField("id", tick.id());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeNumber(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeStringField(field, Double.toString(value));
        }
    }
}
