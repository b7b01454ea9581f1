package io.tickcast.tick.replay;

import java.time.Duration;

/**
 * The outcome of a replay; every sent tick has been acknowledged or has failed by the time it is returned,
 * except after {@link StopCause#INTERRUPTED}.
 *
 * @param sent         ticks handed to the producer
 * @param acknowledged ticks the broker acknowledged
 * @param failed       ticks that could not be delivered
 * @param elapsed      wall-clock duration
 * @param cause        why the replay ended
 * @param firstFailure the first delivery error, or null if none
 */
public record PublishResult(long sent, long acknowledged, long failed, Duration elapsed, StopCause cause,
                            Throwable firstFailure) {

    /** Why a replay ended. */
    public enum StopCause {
        /** The input had no more ticks. */
        END_OF_INPUT,
        /** The tick limit was reached. */
        LIMIT,
        /** The wall-clock limit was reached. */
        DURATION,
        /** A tick could not be delivered (see {@code firstFailure}); the rest were not sent. */
        FAILED,
        /** {@link TickPublisher#stop()} was called. */
        STOPPED,
        /** The publishing thread was interrupted (its interrupt flag is set again). */
        INTERRUPTED
    }
}
