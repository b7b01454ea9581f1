package io.tickcast.tick.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1736208060000L;

    /** A clock that only moves when someone sleeps on it. */
    private static final class FakeTicker implements Ticker {
        private long now = 5_000 * MS;
        private final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void shouldReleaseTicksAtTheirEventTimeOffsetsAtSpeedOne() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);
        List<Long> releasedAt = new ArrayList<>();
        for (long offset : new long[] {0, 1_000, 1_000, 3_500}) {
            assertThat(pacer.awaitDue(T0 + offset, Long.MAX_VALUE, () -> false)).isTrue();
            releasedAt.add(pacer.elapsedNanos() / MS);
        }
        assertThat(releasedAt).containsExactly(0L, 1_000L, 1_000L, 3_500L);
        assertThat(ticker.sleeps).allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(100 * MS));
    }

    @Test
    void shouldCompressTimeBySpeed() throws InterruptedException {
        Pacer pacer = new Pacer(60, ticker);
        pacer.awaitDue(T0, Long.MAX_VALUE, () -> false);
        pacer.awaitDue(T0 + 60_000, Long.MAX_VALUE, () -> false);
        assertThat(pacer.elapsedNanos()).isEqualTo(1_000 * MS);
    }

    @Test
    void shouldNeverWaitAtSpeedZero() throws InterruptedException {
        Pacer pacer = new Pacer(0, ticker);
        pacer.awaitDue(T0, Long.MAX_VALUE, () -> false);
        pacer.awaitDue(T0 + 86_400_000, Long.MAX_VALUE, () -> false);
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void shouldNotCatchUpWhenBehindSchedule() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);
        pacer.awaitDue(T0, Long.MAX_VALUE, () -> false);
        ticker.now += 10_000 * MS;
        assertThat(pacer.awaitDue(T0 + 1_000, Long.MAX_VALUE, () -> false)).isTrue();
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void shouldGiveUpAtTheDeadline() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);
        pacer.awaitDue(T0, Long.MAX_VALUE, () -> false);
        assertThat(pacer.awaitDue(T0 + 60_000, 2_000 * MS, () -> false)).isFalse();
        assertThat(pacer.elapsedNanos()).isEqualTo(2_000 * MS);
    }

    @Test
    void shouldGiveUpWhenStopIsRequested() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);
        pacer.awaitDue(T0, Long.MAX_VALUE, () -> false);
        assertThat(pacer.awaitDue(T0 + 60_000, Long.MAX_VALUE, () -> ticker.sleeps.size() >= 3)).isFalse();
        assertThat(pacer.elapsedNanos()).isEqualTo(300 * MS);
    }
}
