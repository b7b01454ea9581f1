package io.tickcast.bench;

import java.util.Arrays;

/** Collects latency samples (ms) and reports percentiles. Not thread-safe. */
final class LatencyRecorder {

    private double[] samples = new double[1024];
    private int count;

    void add(double ms) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = ms;
    }

    int count() {
        return count;
    }

    /** @return the q-quantile (nearest rank), NaN when empty */
    double quantile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))];
    }

    double max() {
        return quantile(1.0);
    }
}
