package io.tickcast.backtest;

import io.tickcast.pipeline.Point;
import io.tickcast.tick.LastTick;
import io.tickcast.tick.RecentIds;
import io.tickcast.tick.RejectReason;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickGuard;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * What the service's topology makes of a stream of parsed ticks before it forecasts, offline: the per-symbol
 * {@link TickGuard} (duplicates, re-sent trades and ticks later than the lateness tolerance rejected), then either a point per
 * tick or, with a bar interval, the bars closed by one {@link BarWindows} per input partition (each stream task of
 * the service keeps its own stream time). The backtest and the chaos tool's reference run both go through it, so
 * they accept, drop and aggregate exactly what the service does. Not thread-safe.
 */
public final class OfflineIngest {

    private final Duration barInterval;
    private final Duration barGrace;
    private final ToIntFunction<String> partitionOf;
    private final TickGuard guard;
    private final Map<Integer, BarWindows> windows = new HashMap<>();

    /**
     * @param barInterval the bar length, {@link Duration#ZERO} for a point per tick
     * @param barGrace    the bars' grace period
     * @param maxLateness how much older than its symbol's latest tick a tick may be ({@code tick.max.lateness})
     * @param partitionOf the input partition of a symbol: its bars share that partition's stream time
     */
    public OfflineIngest(Duration barInterval, Duration barGrace, Duration maxLateness,
                         ToIntFunction<String> partitionOf) {
        this.barInterval = barInterval;
        this.barGrace = barGrace;
        Map<String, LastTick> latest = new HashMap<>();
        this.guard = new TickGuard(maxLateness.toMillis(), latest::get, latest::put, new RecentIds());
        this.partitionOf = partitionOf;
    }

    /**
     * Takes one tick; the points it yields (the tick itself, or the bars it closed) go to {@code points}.
     *
     * @return why the tick was rejected, or null if it was accepted
     */
    public RejectReason add(Tick tick, Consumer<Point> points) {
        if (guard.admit(tick) instanceof TickGuard.Rejected r) {
            return r.reason();
        }
        Point point = new Point(tick.symbol(), tick.ts(), tick.price(), tick.size(), tick.ts());
        if (barInterval.isZero()) {
            points.accept(point);
        } else {
            windows.computeIfAbsent(partitionOf.applyAsInt(tick.symbol()), p -> new BarWindows(barInterval, barGrace))
                    .add(point).forEach(points);
        }
        return null;
    }

    /** @return the ticks of {@code symbol} dropped because their bar had closed (0 without bars) */
    public long lateTicks(String symbol) {
        return windows.values().stream().mapToLong(w -> w.lateTicks(symbol)).sum();
    }
}
