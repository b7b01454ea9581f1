package io.tickcast.service;

/**
 * The service could not reach Kafka at start: nothing answered at the bootstrap servers within the Kafka clients'
 * {@code default.api.timeout.ms}. The command line ends with this message in one line, without a stack trace.
 */
public final class KafkaUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
