package io.tickcast.stream;

/** Names of the headers tickcast adds to every record it writes to the dead-letter topic. */
public final class DeadLetterHeaders {

    /** The {@link io.tickcast.tick.RejectReason} name, e.g. {@code NON_POSITIVE_PRICE}. */
    public static final String REASON = "tickcast.dlq.reason";
    /** A human-readable explanation, e.g. {@code price -3.0 is not positive}. */
    public static final String DETAIL = "tickcast.dlq.detail";
    /** Topic, partition and offset of the original record. */
    public static final String SOURCE_TOPIC = "tickcast.dlq.source.topic";
    public static final String SOURCE_PARTITION = "tickcast.dlq.source.partition";
    public static final String SOURCE_OFFSET = "tickcast.dlq.source.offset";

    private DeadLetterHeaders() {
    }
}
