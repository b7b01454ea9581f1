package io.tickcast.tick;

import java.util.Objects;

/**
 * The outcome of parsing one Kafka record into a {@link Tick}: either {@link Accepted} with the tick or
 * {@link Rejected} with the reason and a human-readable detail.
 */
public sealed interface TickParseResult permits TickParseResult.Accepted, TickParseResult.Rejected {

    /**
     * A record that is a valid tick.
     *
     * @param tick the parsed tick; never null
     */
    record Accepted(Tick tick) implements TickParseResult {
        /** @throws NullPointerException if {@code tick} is null */
        public Accepted {
            Objects.requireNonNull(tick, "tick");
        }
    }

    /**
     * A record that is not a valid tick.
     *
     * @param reason why; goes into the dead-letter header and the rejection metric
     * @param detail a short human-readable explanation naming the offending field or value
     */
    record Rejected(RejectReason reason, String detail) implements TickParseResult {
        /** @throws NullPointerException if an argument is null */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
