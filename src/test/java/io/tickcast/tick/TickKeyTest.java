package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickKeyTest {

    @Test
    void shouldReadUtf8KeysAsTheirText() {
        assertThat(TickKey.text("BTC-USD".getBytes(StandardCharsets.UTF_8))).isEqualTo("BTC-USD");
        assertThat(TickKey.text("€".getBytes(StandardCharsets.UTF_8))).isEqualTo("€");
        assertThat(TickKey.text(new byte[0])).isEmpty();
        assertThat(TickKey.text(null)).isNull();
        assertThat(TickKey.bytes(null)).isNull();
    }

    @Test
    void shouldGiveBackTheOriginalBytesOfEveryKey() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[random.nextInt(12)];
            random.nextBytes(key);

            assertThat(TickKey.bytes(TickKey.text(key))).isEqualTo(key);
        }
    }

    @Test
    void shouldMarkKeysThatAreNotTextSoThatNoSymbolEqualsThem() {
        String notUtf8 = TickKey.text(new byte[] {(byte) 0xC3, 0x28});
        String startsWithNul = TickKey.text(new byte[] {0, 'A'});

        assertThat(TickKey.isRaw(notUtf8)).isTrue();
        assertThat(TickKey.isRaw(startsWithNul)).isTrue();
        assertThat(Tick.symbolProblem(notUtf8)).isNotNull();
        assertThat(Tick.symbolProblem(startsWithNul)).isNotNull();
    }
}
