package io.tickcast.stream;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes NaN and infinite doubles as JSON {@code null}: JSON has no such numbers, and consumers choke on them. */
public final class NonFiniteAsNull extends StdSerializer<Double> {

    private NonFiniteAsNull() {
        super(Double.class);
    }

    /** @return a module that writes every {@code double} and {@code Double} so */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("tickcast-non-finite-as-null");
        module.addSerializer(Double.class, new NonFiniteAsNull());
        module.addSerializer(double.class, new NonFiniteAsNull());
        return module;
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value.isNaN() || value.isInfinite()) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
