package io.tickcast.service;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB state store of a tickcast process: a shared block cache that also holds the
 * stores' index and filter blocks, and a write buffer manager that charges every memtable to that cache and flushes
 * the largest one when the memtables reach their share. Without it, each store instance (three stores per input
 * partition) sizes its own cache and memtables, so native memory grows with the number of partitions a process holds.
 * {@link BoundedRocksDbConfig} applies it to each store; the service creates it, hands it to Kafka Streams in the
 * configuration under {@link #CONFIG_KEY}, and closes it after Kafka Streams has closed its stores.
 */
public final class RocksDbMemory implements AutoCloseable {

    /** The Kafka Streams configuration key under which the service passes this object to {@link BoundedRocksDbConfig}. */
    public static final String CONFIG_KEY = "tickcast.rocksdb.memory";

    /** Share of the budget the memtables may take before the write buffer manager flushes. */
    static final double MEMTABLE_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks (high priority), so data blocks cannot evict them. */
    private static final double INDEX_FILTER_SHARE = 0.1;

    private final long limitBytes;
    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private boolean closed;

    /**
     * @param limitBytes the budget of all stores together, block cache and memtables (the cache may exceed it
     *                   briefly: its limit is not strict, so that a write never fails for lack of memory)
     * @throws IllegalArgumentException if {@code limitBytes} is not positive
     */
    public RocksDbMemory(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("the RocksDB memory budget must be positive, was " + limitBytes);
        }
        RocksDB.loadLibrary();
        this.limitBytes = limitBytes;
        this.cache = new LRUCache(limitBytes, -1, false, INDEX_FILTER_SHARE);
        this.writeBuffers = new WriteBufferManager((long) (limitBytes * MEMTABLE_SHARE), cache);
    }

    /** @return the budget, in bytes */
    public long limitBytes() {
        return limitBytes;
    }

    /** @return the bytes held in the shared cache now (data, index and filter blocks, and the memtables' charge) */
    public synchronized double usedBytes() {
        return closed ? Double.NaN : cache.getUsage();
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }

    /** Frees the cache and the write buffer manager; call only once no store uses them any more. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            writeBuffers.close();
            cache.close();
        }
    }
}
