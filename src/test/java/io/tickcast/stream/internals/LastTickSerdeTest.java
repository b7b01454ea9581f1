package io.tickcast.stream.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.tick.LastTick;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LastTickSerdeTest {

    private final Serde<LastTick> serde = LastTickSerde.serde();

    private LastTick roundTrip(LastTick tick) {
        return serde.deserializer().deserialize("guard", serde.serializer().serialize("guard", tick));
    }

    @Test
    void shouldKeepATickWithAndWithoutAnId() {
        assertThat(roundTrip(new LastTick(1_736_208_060_000L, 102_228.5, Double.NaN))).isEqualTo(
                new LastTick(1_736_208_060_000L, 102_228.5, Double.NaN));
        assertThat(roundTrip(new LastTick(1, 2, 3, "3735683259"))).isEqualTo(new LastTick(1, 2, 3, "3735683259"));
        assertThat(roundTrip(new LastTick(1, 2, 3, "äß-€"))).isEqualTo(new LastTick(1, 2, 3, "äß-€"));
    }

    @Test
    void shouldReadTheTwentyFourByteValuesWrittenBeforeIdsAsTicksWithoutAnId() {
        byte[] legacy = ByteBuffer.allocate(24).putLong(7).putDouble(8.5).putDouble(0.25).array();

        assertThat(serde.deserializer().deserialize("guard", legacy)).isEqualTo(new LastTick(7, 8.5, 0.25, null));
        assertThat(serde.serializer().serialize("guard", new LastTick(7, 8.5, 0.25))).isEqualTo(legacy);
    }
}
