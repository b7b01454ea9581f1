package io.tickcast.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the cluster says about a run: whether the application has committed every input record, and the committed
 * predictions, read as a user reads them ({@code read_committed}).
 */
public final class KafkaProgress implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final Admin admin;

    public KafkaProgress(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /**
     * @return records of the input topic not yet committed by the application (its consumer group), or -1 when the
     *         cluster does not answer
     */
    public long uncommittedInput(String applicationId, String inputTopic) {
        try {
            List<TopicPartition> partitions = partitions(inputTopic);
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            Map.of(applicationId, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)),
                            new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata(applicationId).get(10, TimeUnit.SECONDS);
            long behind = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                behind += ends.get(p) - (c == null ? 0 : c.offset());
            }
            return behind;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Waits until the application has committed every record of the input topic.
     *
     * @return true if it did within the timeout
     */
    public boolean awaitCommitted(String applicationId, String inputTopic, Duration timeout) throws InterruptedException {
        return awaitTrue(() -> uncommittedInput(applicationId, inputTopic) == 0, timeout);
    }

    /**
     * @return true when no partition of the topic has an open transaction: its last stable offset (what a
     *         {@code read_committed} consumer can read up to) is its high watermark. A killed instance that comes back
     *         with a new identity (a wiped state directory gives Kafka Streams a new process id, so a new
     *         transactional id) cannot abort the transaction it left open; the transaction coordinator aborts it when
     *         {@code transaction.timeout.ms} expires, and until then committed records after it are not readable.
     */
    public boolean noOpenTransactions(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> stable = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(10, TimeUnit.SECONDS).forEach((p, info) -> stable.put(p, info.offset()));
            Map<TopicPartition, Long> high = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(10, TimeUnit.SECONDS).forEach((p, info) -> high.put(p, info.offset()));
            return stable.equals(high);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reads a whole topic from the beginning to its last stable offset with a {@code read_committed} consumer, once
     * no transaction is open on it any more (see {@link #noOpenTransactions}), or the timeout has passed.
     *
     * @return the values as JSON objects without {@value ReferenceRun#LATENCY_FIELD}, in partition order
     * @throws IllegalStateException if the end is not reached within the timeout
     */
    public List<ObjectNode> readPredictions(String topic, Duration timeout) throws ExecutionException,
            InterruptedException, TimeoutException {
        List<TopicPartition> partitions = partitions(topic);
        awaitTrue(() -> noOpenTransactions(topic), timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-audit-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            List<ObjectNode> out = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends + " in " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    out.add(ReferenceRun.withoutLatency(r.value()));
                }
            }
            return out;
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /**
     * Polls a condition every half second.
     *
     * @return true if it held within the timeout
     */
    static boolean awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        return true;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
