package io.tickcast.stream.internals;

import io.tickcast.pipeline.Point;
import io.tickcast.tick.RejectReason;

/** The outcome of validating one input record: a point to forecast, or a rejection bound for the dead-letter topic. */
public sealed interface Validated {

    /** A valid tick, as a point. */
    record Accepted(Point point) implements Validated {
    }

    /** A rejected record with its original value bytes. */
    record Rejected(RejectReason reason, String detail, byte[] rawValue) implements Validated {
    }
}
