package io.tickcast.testing;

/**
 * A real Kafka broker for integration tests, given by {@link KafkaBrokerExtension}: a Testcontainers
 * container when a Docker engine is reachable, else the in-JVM {@link io.tickcast.broker.EmbeddedBroker}.
 */
public interface KafkaBroker {

    /** @return the address for clients, e.g. {@code localhost:40123} */
    String bootstrapServers();

    /**
     * Creates topics (replication factor 1), ignoring those that exist.
     *
     * @param partitions partitions per topic
     * @param names      topic names
     */
    void createTopics(int partitions, String... names);

    /** @return {@code embedded} or {@code testcontainers} */
    String kind();

    /**
     * @return true if {@link #stop()}, {@link #start()} and {@link #restart()} are supported: the broker comes
     *         back on the same address with its data. Tests of broker faults get such a broker from
     *         {@link KafkaBrokerExtension#perClassRestartable()}.
     */
    boolean supportsRestart();

    /**
     * Shuts the broker down, keeping its data.
     *
     * @throws UnsupportedOperationException if {@link #supportsRestart()} is false
     */
    void stop();

    /**
     * Starts a stopped broker on the same address and waits until it is ready.
     *
     * @throws UnsupportedOperationException if {@link #supportsRestart()} is false
     */
    void start();

    /** {@link #stop()} then {@link #start()}. */
    default void restart() {
        stop();
        start();
    }
}
