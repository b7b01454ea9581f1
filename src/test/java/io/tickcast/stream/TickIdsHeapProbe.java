package io.tickcast.stream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A diagnostic, not a test: the heap the {@code trade-ids} store takes. Pipes 150,000 ticks of one symbol, a
 * millisecond apart (1,000 trades a second), through the real topology with a lateness tolerance of 65 s, without and
 * with trade ids, and prints the heap in use after a full GC at the end of each round and the ids the store then
 * holds (those of the last 65 s). The
 * driver's output topics, the changelogs included, are drained as it goes, since it would otherwise keep every
 * record. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.tickcast.stream.TickIdsHeapProbe}.
 */
public final class TickIdsHeapProbe {

    private static final long T0 = 1_736_208_000_000L;
    private static final int TICKS = 150_000;

    private TickIdsHeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        for (boolean ids : new boolean[] {false, true, false, true}) {
            round(ids);
        }
    }

    private static void round(boolean ids) throws IOException {
        Path state = Files.createTempDirectory("tick-ids-probe");
        try (TopologyFixture f = new TopologyFixture(state, Map.of("tick.max.lateness", "65s"))) {
            List<TestOutputTopic<byte[], byte[]>> changelogs = new ArrayList<>();
            for (String store : List.of(TickcastTopology.TRADE_IDS_STORE, TickcastTopology.TICK_GUARD_STORE,
                    TickcastTopology.CHECKPOINT_STORE, TickcastTopology.JOURNAL_STORE)) {
                changelogs.add(f.driver.createOutputTopic("tickcast-test-" + store + "-changelog",
                        Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()));
            }
            for (int i = 0; i < TICKS; i++) {
                long ts = T0 + i;
                String json = "{\"symbol\":\"BTC-USD\",\"ts\":" + ts + ",\"price\":" + (100_000 + i % 97) + ",\"size\":1"
                        + (ids ? ",\"id\":" + (3_000_000_000L + i) : "") + "}";
                f.ticks.pipeInput(new TestRecord<>("BTC-USD", json.getBytes(StandardCharsets.UTF_8),
                        Instant.ofEpochMilli(ts)));
                if (i % 10_000 == 0 || i == TICKS - 1) {
                    changelogs.forEach(TestOutputTopic::readRecordsToList);
                    f.predictions.readValuesToList();
                    f.driftMetrics.readValuesToList();
                    f.driftEvents.readValuesToList();
                }
            }
            for (int g = 0; g < 3; g++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long held = f.driver.getKeyValueStore(TickcastTopology.TRADE_IDS_STORE).approximateNumEntries();
            System.out.printf("trade ids %-5s heap in use %.2f MiB, ids held %,d%n", ids, heap / 1048576.0, held);
        }
    }
}
