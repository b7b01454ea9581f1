package io.tickcast.stream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A diagnostic, not a test: what symbols that come and go leave behind. Pipes 20,000 symbols (or {@code -Dsymbols=N}) through the
 * real topology, one after the other, each trading {@value #TICKS_PER_SYMBOL} ticks with trade ids a second apart and
 * then falling silent (a new symbol starts every 5 s of event time; the wall clock advances a minute every 1,000
 * symbols), without and with {@code symbols.idle.retention=10m}, and prints every 4,000 symbols the heap in use after
 * a full GC, what the stores, the model directory and the meter registry hold, and how long the last advance of the
 * wall clock took (the sweep, with a retention). The driver's output topics, the
 * changelogs included, are drained as it goes. Run with
 * {@code java -Xmx1g -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt) io.tickcast.stream.SymbolChurnProbe}
 * (arguments, if any: the retentions of the rounds, {@code none} for none).
 */
public final class SymbolChurnProbe {

    private static final long T0 = 1_736_208_000_000L;
    private static final int SYMBOLS = Integer.getInteger("symbols", 20_000);
    private static final int TICKS_PER_SYMBOL = 5;

    /** The wall time of the last advance of the wall clock: the sweep, with a retention. */
    private static long sweepNanos;

    private SymbolChurnProbe() {
    }

    public static void main(String[] args) throws IOException {
        String[] rounds = args.length > 0 ? args : new String[] {"", "10m", "", "10m"};
        for (String retention : rounds) {
            round(retention);
        }
    }

    private static void round(String retention) throws IOException {
        Path state = Files.createTempDirectory("symbol-churn-probe");
        Map<String, String> settings = new HashMap<>();
        settings.put("symbols.idle.retention", retention.equals("none") ? "" : retention);
        try (TopologyFixture f = new TopologyFixture(state, settings)) {
            List<TestOutputTopic<byte[], byte[]>> changelogs = new ArrayList<>();
            for (String store : List.of(TickcastTopology.TRADE_IDS_STORE, TickcastTopology.TICK_GUARD_STORE,
                    TickcastTopology.CHECKPOINT_STORE, TickcastTopology.JOURNAL_STORE)) {
                changelogs.add(f.driver.createOutputTopic("tickcast-test-" + store + "-changelog",
                        Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()));
            }
            long started = System.nanoTime();
            for (int s = 0; s < SYMBOLS; s++) {
                String symbol = "S" + s;
                for (int i = 0; i < TICKS_PER_SYMBOL; i++) {
                    long ts = T0 + s * 5_000L + i * 1_000L;
                    String json = "{\"symbol\":\"" + symbol + "\",\"ts\":" + ts + ",\"price\":" + (100 + i)
                            + ",\"size\":1,\"id\":" + i + "}";
                    f.ticks.pipeInput(new TestRecord<>(symbol, json.getBytes(StandardCharsets.UTF_8),
                            Instant.ofEpochMilli(ts)));
                }
                if ((s + 1) % 1_000 == 0) {
                    long t0 = System.nanoTime();
                    f.driver.advanceWallClockTime(Duration.ofMinutes(1));
                    sweepNanos = System.nanoTime() - t0;
                    changelogs.forEach(TestOutputTopic::readRecordsToList);
                    f.predictions.readValuesToList();
                    f.driftMetrics.readValuesToList();
                    f.driftEvents.readValuesToList();
                }
                if ((s + 1) % 4_000 == 0) {
                    report(f, retention, s + 1, started);
                }
            }
        }
    }

    private static void report(TopologyFixture f, String retention, int symbols, long started) {
        for (int g = 0; g < 3; g++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("retention %-4s symbols %,6d: heap in use %6.2f MiB; tick-guard %,6d, trade-ids %,6d,"
                        + " journal %,6d entries; /models %,d; meters %,d; last sweep %.1f ms; %.1f s%n",
                retention.isEmpty() ? "none" : retention, symbols, heap / 1048576.0,
                count(f.driver.getKeyValueStore(TickcastTopology.TICK_GUARD_STORE)),
                count(f.driver.getKeyValueStore(TickcastTopology.TRADE_IDS_STORE)),
                count(f.driver.getKeyValueStore(TickcastTopology.JOURNAL_STORE)), f.directory.all().size(),
                f.registry.getMeters().size(), sweepNanos / 1e6, (System.nanoTime() - started) / 1e9);
    }

    private static long count(KeyValueStore<?, ?> store) {
        long n = 0;
        try (KeyValueIterator<?, ?> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
