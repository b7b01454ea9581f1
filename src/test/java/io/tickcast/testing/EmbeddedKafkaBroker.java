package io.tickcast.testing;

import io.tickcast.broker.EmbeddedBroker;

/** {@link KafkaBroker} backed by the in-JVM KRaft broker on a free port; supports restarts. */
final class EmbeddedKafkaBroker implements KafkaBroker, AutoCloseable {

    private final EmbeddedBroker broker = EmbeddedBroker.start(0);

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void createTopics(int partitions, String... names) {
        broker.createTopics(partitions, names);
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }

    @Override
    public void close() {
        broker.close();
    }
}
