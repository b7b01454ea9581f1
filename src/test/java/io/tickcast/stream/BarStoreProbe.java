package io.tickcast.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A diagnostic, not a test: how fast the topology closes one-minute bars when event time moves a minute per tick,
 * as in a catch-up through a backlog. Pipes 5,000 ticks a minute apart (each closes the bar before it) through the
 * real topology in a {@code TopologyTestDriver}, twice, and prints the wall time per tick. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.tickcast.stream.BarStoreProbe}.
 */
public final class BarStoreProbe {

    private static final long T0 = 1_736_208_000_000L;
    private static final long MINUTE = 60_000L;
    private static final int TICKS = 5_000;

    private BarStoreProbe() {
    }

    public static void main(String[] args) throws IOException {
        for (int round = 1; round <= 2; round++) {
            try (TopologyFixture f = new TopologyFixture(Files.createTempDirectory("bar-store-probe"),
                    Map.of("bar.interval", "1m", "bar.grace", "5s"))) {
                long predictions = 0;
                long start = System.nanoTime();
                for (int i = 0; i < TICKS; i++) {
                    f.tick("BTC-USD", T0 + i * MINUTE, 100_000 + i % 97);
                    if (i % 1_000 == 0 || i == TICKS - 1) {
                        predictions += f.readPredictions().size();
                        f.driftMetrics.readValuesToList();
                    }
                }
                System.out.printf("round %d: %.0f µs per tick, %d bars forecast%n", round,
                        (System.nanoTime() - start) / 1e3 / TICKS, predictions);
            }
        }
    }
}
