package io.tickcast.bench;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.bench.HorizonBacktest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints forecast quality against the back-propagation horizon k (and a few learning rates) on the bundled
 * Bitstamp minute bars. A tool: {@code java -cp target/classes:$(cat target/jmh-cp.txt)
 * io.tickcast.bench.BpttHorizonBacktest [csv] [k...]}.
 */
public final class BpttHorizonBacktest {

    private static final String DEFAULT_CSV = "../shared/data/02_bitstamp_btcusd_1min_2025-01-07_to_2025-02-03.csv";

    private BpttHorizonBacktest() {
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : DEFAULT_CSV);
        if (!Files.exists(csv)) {
            System.out.println("skipped: " + csv + " not found");
            return;
        }
        float[] scaled = HorizonBacktest.scaledReturns(HorizonBacktest.readCloses(csv));
        String[] ks = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"1", "2", "4", "8", "16", "32"};
        double[] rates = {3e-4, 1e-3, 3e-3};
        System.out.println("k, lr, points, rmse, zero_rmse, rmse/zero, seconds");
        for (double lr : rates) {
            for (String k : ks) {
                ForecasterSpec spec = new ForecasterSpec("fast", HorizonBacktest.FEATURES, 32, 1, 32,
                        Integer.parseInt(k), lr, 42L);
                HorizonBacktest.Result r = HorizonBacktest.run(scaled, spec, 2000);
                System.out.printf(java.util.Locale.ROOT, "%s, %g, %d, %.5f, %.5f, %.5f, %.1f%n", k, lr, r.points(),
                        r.rmse(), r.zeroRmse(), r.relative(), r.seconds());
            }
        }
    }
}
