package io.tickcast.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.tickcast.tick.Tick;
import io.tickcast.tick.TickJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a list of ticks at a steady rate on a thread of its own, with an idempotent producer
 * ({@code acks=all}), key = symbol. {@link #published()} tells how far it got; {@link #await} waits for the end.
 */
public final class TickFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<Tick> ticks;
    private final double rate;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopRequested;

    private TickFeed(String bootstrapServers, String topic, List<Tick> ticks, double rate) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.CLIENT_ID_CONFIG, "tickcast-chaos-feed"),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.ticks = List.copyOf(ticks);
        this.rate = rate;
        this.thread = new Thread(this::publishAll, "chaos-tick-feed");
        thread.setDaemon(true);
    }

    /**
     * Starts publishing.
     *
     * @param rate ticks per second
     * @return the running feed
     */
    public static TickFeed start(String bootstrapServers, String topic, List<Tick> ticks, double rate) {
        TickFeed feed = new TickFeed(bootstrapServers, topic, ticks, rate);
        feed.thread.start();
        return feed;
    }

    private void publishAll() {
        long begin = System.nanoTime();
        for (int i = 0; i < ticks.size() && !stopRequested; i++) {
            long due = begin + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !stopRequested) {
                LockSupport.parkNanos(wait);
            }
            Tick tick = ticks.get(i);
            producer.send(new ProducerRecord<>(topic, tick.symbol(), TickJson.write(tick)), (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                }
            });
            published.incrementAndGet();
        }
        producer.flush();
    }

    /** @return ticks handed to the producer so far */
    public long published() {
        return published.get();
    }

    /** @return ticks the broker acknowledged */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** @return ticks that could not be published */
    public long failed() {
        return failed.get();
    }

    /** @return the first publishing failure, or null */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /**
     * Waits until every tick is published and acknowledged (or failed).
     *
     * @return true if it finished in time
     */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    /** @return true while ticks are still being published */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Asks the feed to stop after the current tick; {@link #await} then waits for the acknowledgements. */
    public void stop() {
        stopRequested = true;
    }

    /** Stops publishing and closes the producer. */
    @Override
    public void close() throws InterruptedException {
        stopRequested = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        producer.close(Duration.ofSeconds(10));
    }
}
