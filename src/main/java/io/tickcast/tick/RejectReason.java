package io.tickcast.tick;

/**
 * Why a tick was sent to the dead-letter topic. The name is the value of the {@code tickcast.dlq.reason}
 * header and of the {@code reason} tag of {@code tickcast_ticks_rejected_total}.
 */
public enum RejectReason {
    /** The value is not a JSON object (or not UTF-8). */
    NOT_JSON,
    /** The record has no key; tickcast partitions by symbol, so the key must be the symbol. */
    MISSING_KEY,
    /** The value has no {@code symbol}, or it is blank. */
    MISSING_SYMBOL,
    /**
     * {@code symbol} is longer than {@value Tick#MAX_SYMBOL_LENGTH} characters or holds a control character (it
     * names the symbol's state in the stores and its labels in the metrics), or, in the service, it does not match
     * {@code symbols.allowed}.
     */
    BAD_SYMBOL,
    /** The record key and the {@code symbol} field disagree. */
    KEY_MISMATCH,
    /** No {@code price} field. */
    MISSING_PRICE,
    /** {@code price} (or {@code size}) is not a number. */
    NOT_NUMERIC,
    /** {@code price} is NaN or infinite. */
    NON_FINITE_PRICE,
    /** {@code price} is zero or negative. */
    NON_POSITIVE_PRICE,
    /**
     * {@code ts} is missing or cannot be parsed as epoch milliseconds or ISO-8601, or (in the service) it is later
     * than the record's Kafka timestamp by more than the configured tolerance.
     */
    BAD_TIMESTAMP,
    /** {@code id} is present but is neither a non-blank string of at most 128 characters nor an integer. */
    BAD_ID,
    /** {@code ts} is older than the symbol's latest tick by more than the configured tolerance. */
    OUT_OF_ORDER,
    /**
     * The same tick as the symbol's previous one (the same {@code id} when both carry one, else the same ts, price
     * and size), or a trade whose id and ts were accepted before.
     */
    DUPLICATE
}
