package io.tickcast.tick.replay;

/** A monotonic clock that can wait; {@link #system()} in production, a fake one in tests. */
public interface Ticker {

    /** @return monotonic time in nanoseconds, as {@link System#nanoTime()} */
    long nanoTime();

    /**
     * Waits for about the given time.
     *
     * @param nanos how long, &gt; 0
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /** @return the system clock, sleeping with {@link Thread#sleep(long, int)} */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
