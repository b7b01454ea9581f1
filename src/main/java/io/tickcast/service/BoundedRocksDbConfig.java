package io.tickcast.service;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Puts every RocksDB store of the process under the one budget of the {@link RocksDbMemory} found in the Kafka
 * Streams configuration under {@link RocksDbMemory#CONFIG_KEY}: the shared block cache (index and filter blocks
 * included, the top level pinned) and the shared write buffer manager. Kafka Streams creates one of these per store.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /**
     * @throws IllegalStateException if the configuration carries no {@link RocksDbMemory} (this setter was configured
     *                               by hand rather than by the service)
     */
    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(RocksDbMemory.CONFIG_KEY) instanceof RocksDbMemory memory)) {
            throw new IllegalStateException("store " + storeName + ": " + BoundedRocksDbConfig.class.getSimpleName()
                    + " needs the shared " + RocksDbMemory.class.getSimpleName() + " under '" + RocksDbMemory.CONFIG_KEY
                    + "' in the Kafka Streams configuration; set state.rocksdb.memory.mb instead of naming this class");
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
    }

    /** Nothing to free per store: the cache and the write buffer manager are shared and closed by their owner. */
    @Override
    public void close(String storeName, Options options) {
    }
}
