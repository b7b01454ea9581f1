package io.tickcast.stream.internals;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tickcast.metrics.TickcastMetrics;
import io.tickcast.pipeline.Point;
import io.tickcast.stream.DeadLetterHeaders;
import io.tickcast.tick.LastTick;
import io.tickcast.tick.RejectReason;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickGuard;
import io.tickcast.tick.TickParseResult;
import io.tickcast.tick.TickParser;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Parses and checks each input record. A valid tick goes on as a point stamped with its event time; anything else
 * goes on as a rejection carrying its original bytes and the dead-letter headers. A tick stamped too far after its
 * record's Kafka timestamp is rejected before it can move its symbol's event time. Per symbol it remembers the latest
 * accepted tick, to reject ticks that are too late and exact duplicates, and the ids of its accepted ticks, to reject
 * a trade sent again.
 */
public final class TickValidator implements FixedKeyProcessor<String, byte[], Validated> {

    private final TickParser parser = new TickParser();
    private final String guardStoreName;
    private final String idStoreName;
    private final long maxLatenessMs;
    private final long maxFutureMs;
    private final Pattern symbolsAllowed;
    private final TickcastMetrics metrics;
    private FixedKeyProcessorContext<String, Validated> context;
    private TickGuard guard;
    /** {@code symbolsAllowed}'s matcher, reset for each tick (one instance per stream task, one thread). */
    private Matcher allowed;

    /**
     * @param guardStoreName the store of each symbol's latest accepted tick
     * @param idStoreName    the store of the accepted ticks' ids ({@link AcceptedIdStore})
     * @param maxLatenessMs  how much older than its symbol's latest tick a tick may be
     * @param maxFutureMs    how much later than its record's Kafka timestamp a tick's ts may be
     * @param symbolsAllowed the pattern every symbol must match, or null for any symbol
     * @param metrics        counts received and rejected ticks
     */
    public TickValidator(String guardStoreName, String idStoreName, long maxLatenessMs, long maxFutureMs,
                         Pattern symbolsAllowed, TickcastMetrics metrics) {
        this.guardStoreName = guardStoreName;
        this.idStoreName = idStoreName;
        this.maxLatenessMs = maxLatenessMs;
        this.maxFutureMs = maxFutureMs;
        this.symbolsAllowed = symbolsAllowed;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Validated> context) {
        this.context = context;
        this.allowed = symbolsAllowed == null ? null : symbolsAllowed.matcher("");
        KeyValueStore<String, LastTick> lastTicks = context.getStateStore(guardStoreName);
        this.guard = new TickGuard(maxLatenessMs, lastTicks::get, lastTicks::put,
                new AcceptedIdStore(context.getStateStore(idStoreName)));
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        metrics.tickReceived();
        TickParseResult parsed = parser.parse(record.key(), record.value());
        if (parsed instanceof TickParseResult.Rejected r) {
            reject(record, r.reason(), r.detail());
            return;
        }
        Tick tick = ((TickParseResult.Accepted) parsed).tick();
        if (allowed != null && !allowed.reset(tick.symbol()).matches()) {
            reject(record, RejectReason.BAD_SYMBOL, "symbol '" + tick.symbol() + "' is not matched by symbols.allowed ("
                    + symbolsAllowed.pattern() + ")");
            return;
        }
        long ahead = tick.ts() - record.timestamp();
        if (record.timestamp() >= 0 && tick.ts() > record.timestamp() && ahead > maxFutureMs) {
            reject(record, RejectReason.BAD_TIMESTAMP, "ts " + tick.ts() + " is " + ahead
                    + " ms later than the record's timestamp " + record.timestamp() + " (tolerance " + maxFutureMs
                    + " ms)");
            return;
        }
        if (guard.admit(tick) instanceof TickGuard.Rejected r) {
            reject(record, r.reason(), r.detail());
            return;
        }
        Point point = new Point(tick.symbol(), tick.ts(), tick.price(), tick.size(), record.timestamp());
        context.forward(record.withValue((Validated) new Validated.Accepted(point)).withTimestamp(tick.ts()));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, RejectReason reason, String detail) {
        metrics.tickRejected(reason);
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, bytes(reason.name()));
        headers.add(DeadLetterHeaders.DETAIL, bytes(detail));
        context.recordMetadata().ifPresent(m -> addSource(headers, m));
        context.forward(record.withHeaders(headers)
                .withValue((Validated) new Validated.Rejected(reason, detail, record.value())));
    }

    private static void addSource(Headers headers, RecordMetadata m) {
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, bytes(m.topic()));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, bytes(Integer.toString(m.partition())));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, bytes(Long.toString(m.offset())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
