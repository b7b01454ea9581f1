package io.tickcast.tick;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * {@link AcceptedIds} in memory, per symbol, for the backtest: each symbol's ids sorted by event time, as the
 * service's store keeps them. Not thread-safe.
 */
public final class RecentIds implements AcceptedIds {

    private final Map<String, NavigableSet<Entry>> bySymbol = new HashMap<>();

    @Override
    public boolean contains(String symbol, String id, long ts) {
        NavigableSet<Entry> ids = bySymbol.get(symbol);
        return ids != null && ids.contains(new Entry(ts, id));
    }

    @Override
    public void add(String symbol, String id, long ts) {
        bySymbol.computeIfAbsent(symbol, s -> new TreeSet<>()).add(new Entry(ts, id));
    }

    @Override
    public void forgetBefore(String symbol, long ts) {
        NavigableSet<Entry> ids = bySymbol.get(symbol);
        if (ids != null) {
            ids.headSet(new Entry(ts, ""), false).clear();
        }
    }

    /** @return how many ids {@code symbol} keeps now */
    int size(String symbol) {
        NavigableSet<Entry> ids = bySymbol.get(symbol);
        return ids == null ? 0 : ids.size();
    }

    private record Entry(long ts, String id) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int byTime = Long.compare(ts, o.ts);
            return byTime != 0 ? byTime : id.compareTo(o.id);
        }
    }
}
