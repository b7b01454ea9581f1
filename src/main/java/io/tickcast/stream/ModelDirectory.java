package io.tickcast.stream;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tickcast.pipeline.PointOutcome;

/** The latest outcome of every symbol this instance processes, for {@code /models}. Thread-safe. */
public final class ModelDirectory {

    /** A symbol's latest outcome and when it was produced (wall clock, epoch ms). */
    public record Entry(PointOutcome outcome, long updatedAtMs) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void update(String symbol, PointOutcome outcome) {
        entries.put(symbol, new Entry(outcome, System.currentTimeMillis()));
    }

    public Optional<Entry> get(String symbol) {
        return Optional.ofNullable(entries.get(symbol));
    }

    /** @return every symbol's entry, by symbol */
    public SortedMap<String, Entry> all() {
        return new TreeMap<>(entries);
    }

    /** Forgets a symbol that moved to another instance. */
    public void remove(String symbol) {
        entries.remove(symbol);
    }
}
