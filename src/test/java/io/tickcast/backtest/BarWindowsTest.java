package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tickcast.pipeline.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarWindowsTest {
    private static final long T0 = 1_736_208_000_000L;
    private static final long MINUTE = 60_000L;

    private final BarWindows windows = new BarWindows(Duration.ofMinutes(1), Duration.ofSeconds(10));

    private static Point tick(String symbol, long ts, double price, double size) {
        return new Point(symbol, ts, price, size, ts);
    }

    private List<Point> add(long ts, double price) {
        return windows.add(tick("BTC-USD", ts, price, 1));
    }

    @Test
    void shouldEmitABarStampedWithItsEndOnceStreamTimeReachesEndPlusGrace() {
        add(T0 + 1_000, 100);
        add(T0 + 59_000, 101);
        assertThat(add(T0 + MINUTE + 9_999, 102)).as("grace not over yet").isEmpty();

        List<Point> closed = add(T0 + MINUTE + 10_000, 103);

        assertThat(closed).containsExactly(new Point("BTC-USD", T0 + MINUTE, 101, 2, T0 + 59_000));
        assertThat(windows.openBars()).isEqualTo(1);
    }

    @Test
    void shouldCloseEachBarAtItsLatestEventTimeWithTheLateTicksWithinGraceIncluded() {
        add(T0 + 30_000, 100);
        add(T0 + MINUTE + 2_000, 200);
        add(T0 + 59_000, 101);
        add(T0 + 10_000, 99);

        List<Point> closed = add(T0 + 2 * MINUTE, 201);

        assertThat(closed).extracting(Point::ts, Point::price, Point::size)
                .containsExactly(tuple(T0 + MINUTE, 101.0, 3.0));
        assertThat(windows.lateTicks("BTC-USD")).isZero();
    }

    @Test
    void shouldDropAndCountTicksWhoseBarHasClosed() {
        add(T0 + 30_000, 100);
        add(T0 + MINUTE + 10_000, 200);

        assertThat(add(T0 + 59_999, 1)).isEmpty();
        List<Point> next = add(T0 + 2 * MINUTE + 10_000, 300);

        assertThat(windows.lateTicks("BTC-USD")).isEqualTo(1);
        assertThat(next).extracting(Point::price).containsExactly(200.0);
    }

    @Test
    void shouldEmitNoBarForWindowsWithoutTicks() {
        add(T0 + 5_000, 100);

        List<Point> closed = add(T0 + 10 * MINUTE, 110);

        assertThat(closed).extracting(Point::ts).containsExactly(T0 + MINUTE);
    }

    @Test
    void shouldLeaveOpenBarsUnemittedAtTheEndOfTheInput() {
        List<Point> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(add(T0 + i * 20_000, 100 + i));
        }

        assertThat(all).extracting(Point::ts).containsExactly(T0 + MINUTE);
        assertThat(windows.openBars()).as("the bar of [1m, 2m) waits for stream time").isEqualTo(1);
    }

    @Test
    void shouldCloseBarsOfEverySymbolOnOneStreamTime() {
        windows.add(tick("ETH-USD", T0 + 20_000, 3_000, 1));
        windows.add(tick("BTC-USD", T0 + 30_000, 100, 1));

        List<Point> closed = windows.add(tick("BTC-USD", T0 + MINUTE + 10_000, 101, 1));
        boolean late = windows.add(tick("ETH-USD", T0 + 40_000, 3_001, 1)).isEmpty();

        assertThat(closed).extracting(Point::symbol).containsExactly("BTC-USD", "ETH-USD");
        assertThat(late).isTrue();
        assertThat(windows.lateTicks("ETH-USD")).isEqualTo(1);
    }

    @Test
    void shouldAddNoVolumeForTicksWithoutASize() {
        windows.add(tick("BTC-USD", T0, 100, Double.NaN));
        windows.add(tick("BTC-USD", T0 + 1, 100, 0.5));

        assertThat(add(T0 + MINUTE + 10_000, 1)).extracting(Point::size).containsExactly(0.5);
    }

    @Test
    void shouldRefuseAZeroInterval() {
        assertThatThrownBy(() -> new BarWindows(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
