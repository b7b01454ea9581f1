package io.tickcast.broker;

/** The embedded broker could not start; the message says why (e.g. the port is taken). */
public final class BrokerStartException extends RuntimeException {

    /**
     * @param message what failed, naming the port or directory
     * @param cause   the underlying error
     */
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
