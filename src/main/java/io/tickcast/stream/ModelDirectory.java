package io.tickcast.stream;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tickcast.pipeline.PointOutcome;

/** The latest outcome of every symbol this instance processes, for {@code /models}. Thread-safe. */
public final class ModelDirectory {

    /** A symbol's latest outcome, when it was produced (wall clock, epoch ms), and the stream task holding it. */
    public record Entry(PointOutcome outcome, long updatedAtMs, String taskId) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void update(String symbol, String taskId, PointOutcome outcome) {
        entries.put(symbol, new Entry(outcome, System.currentTimeMillis(), taskId));
    }

    public Optional<Entry> get(String symbol) {
        return Optional.ofNullable(entries.get(symbol));
    }

    /** @return every symbol's entry, by symbol */
    public SortedMap<String, Entry> all() {
        return new TreeMap<>(entries);
    }

    /**
     * Forgets the symbols of a task that closed here (moved to another instance, or shut down), so that
     * {@code /models} redirects to where they live now instead of answering with stale figures.
     */
    public void removeTask(String taskId) {
        entries.values().removeIf(e -> e.taskId().equals(taskId));
    }
}
