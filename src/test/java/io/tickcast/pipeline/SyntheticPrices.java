package io.tickcast.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic price paths for tests. */
final class SyntheticPrices {
    private SyntheticPrices() {
    }

    /** A random walk in log price with AR(1) returns of coefficient {@code phi} and volatility {@code sigma}. */
    static List<Point> ar1Returns(String symbol, int n, double phi, double sigma, long seed) {
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(n);
        double logPrice = Math.log(30_000);
        double r = 0;
        for (int i = 0; i < n; i++) {
            r = phi * r + sigma * random.nextGaussian();
            logPrice += r;
            points.add(new Point(symbol, 1_700_000_000_000L + 60_000L * i, Math.exp(logPrice), 1.0, 0));
        }
        return points;
    }

    /** A Gaussian random walk whose return volatility is multiplied by {@code factor} from {@code change} on. */
    static List<Point> varianceShift(String symbol, int n, int change, double sigma, double factor, long seed) {
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(n);
        double logPrice = Math.log(30_000);
        for (int i = 0; i < n; i++) {
            logPrice += (i < change ? sigma : sigma * factor) * random.nextGaussian();
            points.add(new Point(symbol, 1_700_000_000_000L + 60_000L * i, Math.exp(logPrice), 1.0, 0));
        }
        return points;
    }
}
