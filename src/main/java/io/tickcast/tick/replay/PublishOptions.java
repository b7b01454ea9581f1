package io.tickcast.tick.replay;

import java.time.Duration;
import java.util.Objects;

/**
 * How to replay ticks.
 *
 * @param speed            1 = real time by the ticks' event timestamps, N = N times faster, 0 = as fast as
 *                         possible; finite and &ge; 0
 * @param limit            stop after this many ticks; 0 = no limit
 * @param maxDuration      stop after this much wall-clock time; {@link Duration#ZERO} = no limit
 * @param progressInterval wall-clock time between progress callbacks; positive
 */
public record PublishOptions(double speed, long limit, Duration maxDuration, Duration progressInterval) {

    /** Options for replaying everything as fast as possible with a progress report every second. */
    public static final PublishOptions AS_FAST_AS_POSSIBLE = new PublishOptions(0, 0, Duration.ZERO, Duration.ofSeconds(1));

    /** @throws IllegalArgumentException if an option is out of range */
    public PublishOptions {
        if (!Double.isFinite(speed) || speed < 0) {
            throw new IllegalArgumentException("speed must be a finite number >= 0, was " + speed);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (maxDuration.isNegative()) {
            throw new IllegalArgumentException("maxDuration must be >= 0, was " + maxDuration);
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive, was " + progressInterval);
        }
    }

    /** @return a copy with another speed */
    public PublishOptions withSpeed(double newSpeed) {
        return new PublishOptions(newSpeed, limit, maxDuration, progressInterval);
    }

    /** @return a copy with another tick limit (0 = none) */
    public PublishOptions withLimit(long newLimit) {
        return new PublishOptions(speed, newLimit, maxDuration, progressInterval);
    }

    /** @return a copy with another wall-clock limit ({@link Duration#ZERO} = none) */
    public PublishOptions withMaxDuration(Duration newMaxDuration) {
        return new PublishOptions(speed, limit, newMaxDuration, progressInterval);
    }
}
