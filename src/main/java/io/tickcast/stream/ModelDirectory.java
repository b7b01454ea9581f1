package io.tickcast.stream;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tickcast.pipeline.PointOutcome;

/**
 * The latest outcome of every model in memory on this instance, for {@code /models}: an entry lives as long as its
 * model does (a model evicted by {@code models.max.live}, failed, or expired is listed again on its next point), so
 * the directory is bounded by the live models however many symbols come and go. Thread-safe.
 */
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

    /** Forgets a symbol whose model left memory (evicted, failed or expired) in the given task. */
    public void remove(String symbol, String taskId) {
        entries.computeIfPresent(symbol, (s, e) -> e.taskId().equals(taskId) ? null : e);
    }

    /**
     * Forgets the symbols of a task that closed here (moved to another instance, or shut down), so that
     * {@code /models} redirects to where they live now instead of answering with stale figures.
     */
    public void removeTask(String taskId) {
        entries.values().removeIf(e -> e.taskId().equals(taskId));
    }
}
