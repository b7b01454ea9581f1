package io.tickcast.pipeline;

import java.time.Duration;

/**
 * How long a symbol may stay silent and keep its state ({@code symbols.idle.retention}). A point of a symbol whose
 * previous point is older than the retention (event time) starts the symbol over with a fresh pipeline: the same rule
 * in the service and in backtests, so both still produce the same forecasts. The service also deletes, every minute,
 * the stored state of idle symbols (see {@code ForecastProcessor}), so that symbols which stop trading for good do not
 * keep state forever.
 *
 * @param retentionMs the retention in milliseconds; 0 keeps every symbol's state forever
 */
public record IdleRetention(long retentionMs) {

    /** Keeps every symbol's state forever (the default). */
    public static final IdleRetention NEVER = new IdleRetention(0);

    public IdleRetention {
        if (retentionMs < 0) {
            throw new IllegalArgumentException("idle retention must not be negative: " + retentionMs);
        }
    }

    /** @param retention {@link Duration#ZERO}: keep every symbol's state forever */
    public static IdleRetention of(Duration retention) {
        return new IdleRetention(retention.toMillis());
    }

    public boolean enabled() {
        return retentionMs > 0;
    }

    /**
     * @param previousTs the event time of the symbol's previous point, {@link Long#MIN_VALUE} when not known
     * @param ts         the event time of its new point
     * @return whether the new point starts the symbol over
     */
    public boolean startsOver(long previousTs, long ts) {
        return retentionMs > 0 && previousTs != Long.MIN_VALUE && ts > previousTs && ts - previousTs > retentionMs;
    }

    /** @return the retention; {@link Duration#ZERO} for none */
    public Duration duration() {
        return Duration.ofMillis(retentionMs);
    }
}
