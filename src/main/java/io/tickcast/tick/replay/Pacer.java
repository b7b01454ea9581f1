package io.tickcast.tick.replay;

import java.util.function.BooleanSupplier;

/**
 * Spaces ticks out in wall-clock time like their event timestamps, {@code speed} times faster: the tick
 * with event time {@code t} is due {@code (t - t0) / speed} after the first one. A pacer never hurries to
 * catch up beyond sending without waiting, and waits in slices of at most 100 ms so that a stop request
 * or the deadline is noticed quickly. Not thread-safe.
 */
final class Pacer {

    private static final long SLICE_NANOS = 100_000_000L;

    private final double speed;
    private final Ticker ticker;
    private final long startNanos;
    private long firstEventTs = Long.MIN_VALUE;

    /**
     * @param speed  &gt; 0 paces, 0 never waits
     * @param ticker the clock
     */
    Pacer(double speed, Ticker ticker) {
        this.speed = speed;
        this.ticker = ticker;
        this.startNanos = ticker.nanoTime();
    }

    /** @return nanoseconds since this pacer was made */
    long elapsedNanos() {
        return ticker.nanoTime() - startNanos;
    }

    /**
     * Waits until the tick with this event time is due.
     *
     * @param eventTs        the tick's event time, epoch ms
     * @param deadlineNanos  stop waiting at this {@link #elapsedNanos()}; {@link Long#MAX_VALUE} for none
     * @param stopRequested  polled between waits
     * @return true if the tick is due, false if the deadline passed or a stop was requested first
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitDue(long eventTs, long deadlineNanos, BooleanSupplier stopRequested) throws InterruptedException {
        if (firstEventTs == Long.MIN_VALUE) {
            firstEventTs = eventTs;
        }
        long dueNanos = speed == 0 ? 0 : (long) ((eventTs - firstEventTs) * 1_000_000d / speed);
        while (true) {
            long now = elapsedNanos();
            if (now >= deadlineNanos || stopRequested.getAsBoolean()) {
                return false;
            }
            if (now >= dueNanos) {
                return true;
            }
            ticker.sleepNanos(Math.min(SLICE_NANOS, Math.min(dueNanos, deadlineNanos) - now));
        }
    }
}
