package io.tickcast.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tickcast.pipeline.Prediction;
import io.tickcast.stream.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the predictions topic in the background, as a user's consumer would, and tallies what it sees. */
final class PredictionWatcher implements AutoCloseable {

    private final KafkaConsumer<String, Prediction> consumer;
    private final PredictionTally tally = new PredictionTally();
    private final Thread thread;

    private PredictionWatcher(KafkaConsumer<String, Prediction> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "prediction-watcher");
        this.thread.setDaemon(true);
    }

    static PredictionWatcher start(String bootstrapServers, String topic) {
        KafkaConsumer<String, Prediction> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "tickcast-demo-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new JsonSerde<>(Prediction.class).deserializer());
        consumer.subscribe(List.of(topic));
        PredictionWatcher watcher = new PredictionWatcher(consumer);
        watcher.thread.start();
        return watcher;
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, Prediction> r : consumer.poll(Duration.ofMillis(200))) {
                    synchronized (tally) {
                        tally.add(r.value(), System.currentTimeMillis());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** @return the tally so far; read it under its own lock when the watcher still runs */
    PredictionTally tally() {
        return tally;
    }

    /** Waits until at least {@code count} predictions were read, or the timeout passes. */
    void awaitAtLeast(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tally.total() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
