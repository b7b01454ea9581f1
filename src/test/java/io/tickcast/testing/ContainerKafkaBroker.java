package io.tickcast.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link KafkaBroker} backed by Testcontainers' Kafka container (image from the system property
 * {@code tickcast.test.kafka.image}, default {@value #DEFAULT_IMAGE}). No restarts: a restarted container
 * gets another mapped port.
 */
final class ContainerKafkaBroker implements KafkaBroker, AutoCloseable {

    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    ContainerKafkaBroker() {
        container = new KafkaContainer(System.getProperty("tickcast.test.kafka.image", DEFAULT_IMAGE));
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String name : names) {
                try {
                    admin.createTopics(Arrays.asList(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public boolean supportsRestart() {
        return false;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("the Testcontainers broker cannot be restarted on the same port");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("the Testcontainers broker cannot be restarted on the same port");
    }

    @Override
    public void close() {
        container.stop();
    }
}
