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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics tickcast needs when they are missing, and checks that Kafka answers. */
public final class TopicAdmin {

    /** How {@code tickcast run} sets the bootstrap servers and the wait: the service's config keys or {@code -b}. */
    public static final String SERVICE_SETTINGS =
            "check kafka.bootstrap.servers, or -b; kafka.default.api.timeout.ms sets the wait";

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * Creates the topics that are missing; a Kafka that does not answer is named with {@link #SERVICE_SETTINGS}.
     *
     * @param kafka             Kafka client properties (bootstrap servers, security)
     * @param names             topics to ensure
     * @param partitions        partitions of the topics created
     * @param replicationFactor replication of the topics created, -1 for the broker's default
     * @throws KafkaUnreachableException if no broker answered within the clients' {@code default.api.timeout.ms}
     * @throws ConfigException            if {@code kafka} is not a valid admin client configuration
     * @throws IllegalStateException      if the topics cannot be listed or created for another reason
     */
    public static void ensureTopics(Map<String, Object> kafka, Collection<String> names, int partitions,
                                    short replicationFactor) {
        logWait("Checking the topics on", kafka);
        try (Admin admin = connect(kafka)) {
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
            throwIfUnreachable(e, kafka, SERVICE_SETTINGS);
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Waits until a broker answers at the bootstrap servers (it lists the topics, as {@link #ensureTopics} does
     * first), for up to the clients' {@code default.api.timeout.ms} (60 s unless {@code kafka} sets it).
     *
     * @param kafka    Kafka admin client properties (bootstrap servers, security); other clients' keys are ignored
     * @param settings how the caller's user sets the servers and the wait, for the message, e.g.
     *                 {@code "check -b; -X default.api.timeout.ms sets the wait"}
     * @throws KafkaUnreachableException if no broker answered in time; its message names the servers, the wait
     *                                   and {@code settings}
     * @throws ConfigException            if {@code kafka} is not a valid admin client configuration, e.g. a
     *                                   {@code default.api.timeout.ms} below {@code request.timeout.ms}
     * @throws IllegalStateException      if the broker answered with an error
     */
    public static void checkReachable(Map<String, Object> kafka, String settings) {
        logWait("Checking", kafka);
        try (Admin admin = connect(kafka)) {
            admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throwIfUnreachable(e, kafka, settings);
            throw new IllegalStateException("Kafka at " + servers(kafka) + " answered with an error: "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static Admin connect(Map<String, Object> kafka) {
        try {
            return Admin.create(kafka);
        } catch (KafkaException e) {
            if (e.getCause() instanceof ConfigException bad) {
                throw bad;
            }
            throw e;
        }
    }

    private static void logWait(String what, Map<String, Object> kafka) {
        LOG.info("{} Kafka at {} (waiting up to {} ms for it to answer)", what, servers(kafka), timeoutMs(kafka));
    }

    private static void throwIfUnreachable(ExecutionException e, Map<String, Object> kafka, String settings) {
        if (e.getCause() instanceof TimeoutException) {
            throw new KafkaUnreachableException("no Kafka broker answered at " + servers(kafka) + " within "
                    + timeoutMs(kafka) + " ms (" + settings + "): " + e.getCause().getMessage(), e);
        }
    }

    private static Object servers(Map<String, Object> kafka) {
        return kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    private static Object timeoutMs(Map<String, Object> kafka) {
        return kafka.getOrDefault(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                AdminClientConfig.configDef().defaultValues().get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
    }
}
