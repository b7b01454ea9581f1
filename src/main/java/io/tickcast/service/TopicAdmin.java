package io.tickcast.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics tickcast needs when they are missing. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * @param kafka             Kafka client properties (bootstrap servers, security)
     * @param names             topics to ensure
     * @param partitions        partitions of the topics created
     * @param replicationFactor replication of the topics created, -1 for the broker's default
     * @throws KafkaUnreachableException if no broker answered within the clients' {@code default.api.timeout.ms}
     * @throws IllegalStateException      if the topics cannot be listed or created for another reason
     */
    public static void ensureTopics(Map<String, Object> kafka, Collection<String> names, int partitions,
                                    short replicationFactor) {
        Object servers = kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Object timeoutMs = kafka.getOrDefault(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                AdminClientConfig.configDef().defaultValues().get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
        LOG.info("Checking the topics on Kafka at {} (waiting up to {} ms for it to answer)", servers, timeoutMs);
        try (Admin admin = Admin.create(kafka)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n)).distinct()
                    .map(n -> new NewTopic(n, Optional.of(partitions), Optional.of(replicationFactor))).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            LOG.info("Created topics {} with {} partitions", missing.stream().map(NewTopic::name).toList(), partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new KafkaUnreachableException("no Kafka broker answered at " + servers + " within " + timeoutMs
                        + " ms (check kafka.bootstrap.servers, or -b; kafka.default.api.timeout.ms sets the wait): "
                        + e.getCause().getMessage(), e);
            }
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
