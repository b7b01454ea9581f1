package io.tickcast.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The shared RocksDB budget on real RocksDB databases, configured as Kafka Streams configures a store. */
class BoundedRocksDbConfigTest {

    private static final long BUDGET = 8L << 20;
    private static final int VALUE_BYTES = 1_024;

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheMemtablesOfSeveralStoresWithinTheirShareOfOneBudget() throws RocksDBException {
        try (RocksDbMemory memory = new RocksDbMemory(BUDGET)) {
            Map<String, Object> configs = Map.of(RocksDbMemory.CONFIG_KEY, memory);
            double peak = 0;
            try (Options a = storeOptions("journal-0", configs); Options b = storeOptions("journal-1", configs);
                 RocksDB first = RocksDB.open(a, dir.resolve("a").toString());
                 RocksDB second = RocksDB.open(b, dir.resolve("b").toString())) {
                Random random = new Random(7);
                byte[] value = new byte[VALUE_BYTES];
                // 64 MiB written, 8 times the whole budget: only flushes keep the memtables inside it
                for (int i = 0; i < 65_536; i++) {
                    random.nextBytes(value);
                    (i % 2 == 0 ? first : second).put(ByteBuffer.allocate(4).putInt(i).array(), value);
                    peak = Math.max(peak, memory.usedBytes());
                }
                assertThat(first.get(ByteBuffer.allocate(4).putInt(65_534).array())).hasSize(VALUE_BYTES);
                assertThat(second.get(ByteBuffer.allocate(4).putInt(1).array())).hasSize(VALUE_BYTES);
            }
            // the memtables are charged to the shared cache (so the figure is real), and flushed near their share
            assertThat(peak).isGreaterThan(BUDGET * RocksDbMemory.MEMTABLE_SHARE * 0.5)
                    .isLessThan(BUDGET * 1.25);
        }
    }

    @Test
    void shouldGiveEveryStoreTheSameCacheWithItsIndexAndFilterBlocks() {
        try (RocksDbMemory memory = new RocksDbMemory(BUDGET);
             Options options = storeOptions("checkpoints", Map.of(RocksDbMemory.CONFIG_KEY, memory))) {
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();

            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
    }

    @Test
    void shouldRefuseToConfigureAStoreWithoutTheSharedBudget() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("journal", options, Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("journal")
                    .hasMessageContaining("state.rocksdb.memory.mb");
        }
    }

    @Test
    void shouldReportNoUsageOnceClosed() {
        RocksDbMemory memory = new RocksDbMemory(BUDGET);
        memory.close();

        assertThat(memory.usedBytes()).isNaN();
    }

    private static Options storeOptions(String store, Map<String, Object> configs) {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        new BoundedRocksDbConfig().setConfig(store, options, configs);
        return options;
    }
}
