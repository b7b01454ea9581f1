package io.tickcast.chaos;

/**
 * One SIGKILL of a chaos run.
 *
 * @param number     1-based
 * @param atMs       ms since the run started publishing
 * @param instance   the victim
 * @param wasReady   whether the victim was RUNNING (processing) when killed, rather than starting or restoring
 * @param published  ticks published when it was killed
 * @param wipedState whether it came back with an empty state directory (restore from the changelog)
 */
public record KillEvent(int number, long atMs, String instance, boolean wasReady, long published, boolean wipedState) {
}
