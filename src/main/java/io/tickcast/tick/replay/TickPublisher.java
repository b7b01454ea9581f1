package io.tickcast.tick.replay;

import io.tickcast.tick.Tick;
import io.tickcast.tick.TickJson;
import io.tickcast.tick.replay.PublishResult.StopCause;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes ticks to a topic in the tick message format ({@link TickJson}), key = symbol, paced by their
 * event timestamps (see {@link PublishOptions#speed()}). The record timestamp is the producer's wall clock;
 * the event time travels in the message's {@code ts}.
 *
 * <p>{@link #publish} runs on the caller's thread until the input ends, a limit is reached, {@link #stop()}
 * is called from another thread, the thread is interrupted, or a tick cannot be delivered (the producer
 * has already retried it for {@code delivery.timeout.ms}; publishing more would only fail the same way). One publish at a time; {@link #stop()} and
 * {@link #close()} may be called from any thread.
 */
public final class TickPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Ticker ticker;
    private volatile boolean stopRequested;

    /**
     * Wraps a producer; {@link #close()} closes it.
     *
     * @param producer the producer
     * @param topic    the ticks topic
     */
    public TickPublisher(Producer<String, byte[]> producer, String topic) {
        this(producer, topic, Ticker.system());
    }

    TickPublisher(Producer<String, byte[]> producer, String topic, Ticker ticker) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Creates a publisher with its own {@link KafkaProducer} ({@code acks=all}, idempotent, {@code linger.ms=5}).
     *
     * @param bootstrapServers the cluster
     * @param topic            the ticks topic
     * @param overrides        further producer properties (e.g. security settings); they win over the defaults
     * @return the publisher
     */
    public static TickPublisher create(String bootstrapServers, String topic, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "tickcast-replay");
        config.putAll(overrides);
        return new TickPublisher(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), topic);
    }

    /**
     * Publishes ticks until the input ends or a limit of {@code options} is reached, then waits until all
     * sent ticks are acknowledged (or failed).
     *
     * @param ticks      the ticks, in event-time order for meaningful pacing
     * @param options    speed and limits
     * @param onProgress called on this thread every {@link PublishOptions#progressInterval()} and once at the end
     * @return what was published and why it ended
     */
    public PublishResult publish(Iterator<Tick> ticks, PublishOptions options, Consumer<PublishProgress> onProgress) {
        stopRequested = false;
        Pacer pacer = new Pacer(options.speed(), ticker);
        long deadline = options.maxDuration().isZero() ? Long.MAX_VALUE : options.maxDuration().toNanos();
        long limit = options.limit() == 0 ? Long.MAX_VALUE : options.limit();
        long progressEvery = options.progressInterval().toNanos();
        Delivery delivery = new Delivery();
        long nextProgress = progressEvery;
        long sent = 0;
        long lastTs = Long.MIN_VALUE;
        StopCause cause = StopCause.END_OF_INPUT;
        try {
            while (true) {
                if (sent >= limit) {
                    cause = StopCause.LIMIT;
                    break;
                }
                if (!ticks.hasNext()) {
                    break;
                }
                Tick tick = ticks.next();
                if (!pacer.awaitDue(tick.ts(), deadline, () -> stopRequested)) {
                    cause = stopRequested ? StopCause.STOPPED : StopCause.DURATION;
                    break;
                }
                if (delivery.failed.get() > 0 || !send(tick, delivery)) {
                    cause = StopCause.FAILED;
                    break;
                }
                sent++;
                lastTs = tick.ts();
                if (pacer.elapsedNanos() >= nextProgress) {
                    onProgress.accept(delivery.progress(sent, lastTs, pacer.elapsedNanos()));
                    nextProgress = pacer.elapsedNanos() + progressEvery;
                }
            }
            producer.flush();
        } catch (InterruptedException | InterruptException e) {
            Thread.currentThread().interrupt();
            cause = StopCause.INTERRUPTED;
        }
        PublishProgress last = delivery.progress(sent, lastTs, pacer.elapsedNanos());
        onProgress.accept(last);
        return new PublishResult(sent, last.acknowledged(), last.failed(), last.elapsed(), cause, delivery.firstFailure.get());
    }

    /** Hands one tick to the producer; false (and the failure recorded) if the producer refuses it at once. */
    private boolean send(Tick tick, Delivery delivery) {
        try {
            producer.send(new ProducerRecord<>(topic, tick.symbol(), TickJson.write(tick)), delivery);
            return true;
        } catch (KafkaException | IllegalStateException e) {
            delivery.onCompletion(null, e);
            return false;
        }
    }

    /** Asks a running {@link #publish} to stop after the current tick; it returns {@link StopCause#STOPPED}. */
    public void stop() {
        stopRequested = true;
    }

    /** Stops a running publish and closes the producer, waiting up to 10 s for records in flight. */
    @Override
    public void close() {
        stop();
        producer.close(Duration.ofSeconds(10));
    }

    /** Counts acknowledgements and failures from the producer's I/O thread. */
    private static final class Delivery implements Callback {
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        }

        PublishProgress progress(long sent, long lastTs, long elapsedNanos) {
            return new PublishProgress(sent, acknowledged.get(), failed.get(), lastTs, Duration.ofNanos(elapsedNanos));
        }
    }
}
