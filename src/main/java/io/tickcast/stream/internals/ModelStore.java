package io.tickcast.stream.internals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tickcast.pipeline.Point;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Durable model state of the symbols of one task, in two changelogged stores: a checkpoint (a pipeline snapshot and
 * the sequence number of the last point it contains) written every N points, and a journal of the points since,
 * in a ring of N slots per symbol. A symbol's pipeline is its checkpoint with the journal's newer points replayed:
 * the engine is deterministic, so the replay reproduces the state exactly. Both stores commit with the task's
 * output and offsets, so under exactly-once they always match what was emitted.
 */
final class ModelStore {

    private static final byte CHECKPOINT_FORMAT = 1;
    private static final int JOURNAL_ENTRY_BYTES = Long.BYTES * 3 + Double.BYTES * 2;
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> checkpoints;
    private final KeyValueStore<String, byte[]> journal;
    private final int slots;

    ModelStore(KeyValueStore<String, byte[]> checkpoints, KeyValueStore<String, byte[]> journal, int slots) {
        this.checkpoints = checkpoints;
        this.journal = journal;
        this.slots = slots;
    }

    /** A checkpoint as read back: the sequence number of its last point and the pipeline snapshot. */
    record Checkpoint(long seq, byte[] snapshot) {
    }

    /** A journaled point with its sequence number. */
    record Entry(long seq, Point point) {
    }

    Checkpoint checkpoint(String symbol) {
        byte[] bytes = checkpoints.get(symbol);
        if (bytes == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte format = buf.get();
        if (format != CHECKPOINT_FORMAT) {
            throw new IllegalArgumentException("checkpoint of " + symbol + " has unknown format " + format);
        }
        long seq = buf.getLong();
        byte[] snapshot = new byte[buf.remaining()];
        buf.get(snapshot);
        return new Checkpoint(seq, snapshot);
    }

    void writeCheckpoint(String symbol, long seq, byte[] snapshot) {
        checkpoints.put(symbol, ByteBuffer.allocate(1 + Long.BYTES + snapshot.length)
                .put(CHECKPOINT_FORMAT).putLong(seq).put(snapshot).array());
    }

    void append(long seq, Point p) {
        byte[] value = ByteBuffer.allocate(JOURNAL_ENTRY_BYTES).putLong(seq).putLong(p.ts()).putDouble(p.price())
                .putDouble(p.size()).putLong(p.ingestMs()).array();
        journal.put(journalKey(p.symbol(), Math.floorMod(seq, slots)), value);
    }

    /** @return the journaled points of the symbol newer than {@code afterSeq}, in order */
    List<Entry> journalAfter(String symbol, long afterSeq) {
        List<Entry> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = journal.prefixScan(symbol + '\u0000', KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                ByteBuffer buf = ByteBuffer.wrap(kv.value);
                long seq = buf.getLong();
                if (seq > afterSeq) {
                    entries.add(new Entry(seq, new Point(symbol, buf.getLong(), buf.getDouble(), buf.getDouble(),
                            buf.getLong())));
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::seq));
        return entries;
    }

    /**
     * Forgets a symbol's checkpoint and every journal entry it has, so that it starts fresh: after its state could not
     * be read, or after it was idle for longer than the retention. The journal's keys are taken as the store has
     * them, not computed from the ring's size, which an earlier run may have had different
     * ({@code model.checkpoint.every}).
     */
    void drop(String symbol) {
        checkpoints.delete(symbol);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = journal.prefixScan(symbol + '\u0000', KEYS)) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(journal::delete);
    }

    private static String journalKey(String symbol, long slot) {
        return symbol + '\u0000' + slot;
    }
}
