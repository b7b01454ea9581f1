package io.tickcast.backtest;

import io.tickcast.bar.Bar;
import io.tickcast.pipeline.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Epoch-aligned tumbling time bars per symbol, opened and closed as the service's topology does with
 * {@code TimeWindows.ofSizeAndGrace(interval, grace)}, a windowed aggregate of {@link Bar}s and
 * {@code suppress(untilWindowCloses)}, all on the points' event time:
 * <ul>
 *   <li>stream time is the largest event time seen so far, the point being added included;</li>
 *   <li>a point joins the window {@code [ts - ts mod interval, + interval)} unless that window has closed, that is
 *       unless its end is at or before stream time minus the grace; then it is dropped and counted as late;</li>
 *   <li>a bar is emitted, as a point stamped with its window's end, once stream time reaches its end plus the
 *       grace; bars come out by window end, then symbol; windows without ticks yield no bar;</li>
 *   <li>at the end of the input the open bars stay unemitted, as in the service, whose suppression waits for
 *       stream time to move on.</li>
 * </ul>
 * One stream time covers every symbol: the service keeps one per stream task (input partition), so when the
 * symbols of a file sit on different partitions in the service, a bar may close there earlier or later, and so
 * take or drop other late ticks, than here.
 * Not thread-safe.
 */
public final class BarWindows {
    private static final Comparator<Slot> BY_END_THEN_SYMBOL =
            Comparator.comparingLong(Slot::end).thenComparing(Slot::symbol);

    private final long intervalMs;
    private final long graceMs;
    private final TreeMap<Slot, Bar> open = new TreeMap<>(BY_END_THEN_SYMBOL);
    private final Map<String, Long> late = new HashMap<>();
    private long streamTime = Long.MIN_VALUE;

    /**
     * @param interval the bar length, positive
     * @param grace    how long after a bar's end late points still join it, zero or more
     */
    public BarWindows(Duration interval, Duration grace) {
        if (interval.isZero() || interval.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("bar interval must be positive and grace not negative: " + interval
                    + ", " + grace);
        }
        this.intervalMs = interval.toMillis();
        this.graceMs = grace.toMillis();
    }

    /**
     * Adds one point (a tick) and returns the bars it closed.
     *
     * @return the closed bars as points, oldest window first; empty if none closed
     */
    public List<Point> add(Point point) {
        streamTime = Math.max(streamTime, point.ts());
        long end = point.ts() - Math.floorMod(point.ts(), intervalMs) + intervalMs;
        if (end <= streamTime - graceMs) {
            late.merge(point.symbol(), 1L, Long::sum);
            return List.of();
        }
        open.merge(new Slot(end, point.symbol()), Bar.empty().add(point), (bar, ignored) -> bar.add(point));
        return closed();
    }

    private List<Point> closed() {
        List<Point> bars = new ArrayList<>(0);
        while (!open.isEmpty() && open.firstKey().end() <= streamTime - graceMs) {
            Map.Entry<Slot, Bar> first = open.pollFirstEntry();
            bars.add(first.getValue().toPoint(first.getKey().symbol(), first.getKey().end()));
        }
        return bars;
    }

    /** @return the points of {@code symbol} dropped because their bar had closed */
    long lateTicks(String symbol) {
        return late.getOrDefault(symbol, 0L);
    }

    /** @return the bars still open (not emitted) */
    int openBars() {
        return open.size();
    }

    private record Slot(long end, String symbol) {
    }
}
