package io.tickcast.tick;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link AcceptedIds} in memory, per symbol, for the backtest: each symbol keeps the ids of its ticks no older than
 * its latest accepted event time (the guard's) minus the lateness tolerance, which is every id {@link TickGuard} can ask about
 * (an older tick is {@code OUT_OF_ORDER} before its id is looked at). Not thread-safe.
 */
public final class RecentIds implements AcceptedIds {

    private final long keepMs;
    private final Map<String, Window> bySymbol = new HashMap<>();

    /** @param maxLatenessMs the guard's lateness tolerance, in milliseconds */
    public RecentIds(long maxLatenessMs) {
        this.keepMs = maxLatenessMs;
    }

    @Override
    public boolean contains(String symbol, String id, long ts) {
        Window w = bySymbol.get(symbol);
        return w != null && w.ids.contains(new Entry(id, ts));
    }

    @Override
    public void add(String symbol, String id, long ts, long latestTs) {
        bySymbol.computeIfAbsent(symbol, s -> new Window()).add(new Entry(id, ts), latestTs, keepMs);
    }

    /** @return how many ids {@code symbol} keeps now */
    int size(String symbol) {
        Window w = bySymbol.get(symbol);
        return w == null ? 0 : w.ids.size();
    }

    private record Entry(String id, long ts) {
    }

    /** One symbol's ids in the order they were accepted; the oldest leave once past the tolerance. */
    private static final class Window {
        private final Set<Entry> ids = new HashSet<>();
        private final ArrayDeque<Entry> order = new ArrayDeque<>();

        void add(Entry e, long latestTs, long keepMs) {
            if (ids.add(e)) {
                order.addLast(e);
            }
            while (!order.isEmpty() && latestTs - order.peekFirst().ts() > keepMs) {
                ids.remove(order.removeFirst());
            }
        }
    }
}
