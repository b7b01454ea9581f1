package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * ADWIN, the adaptive sliding window of Bifet and Gavaldà (SDM 2007), in its exponential-histogram form
 * (ADWIN2): the window is kept as buckets of 2^i values with at most {@code maxBuckets} buckets per size.
 * After each value every split of the window at a bucket boundary into an older part W0 and a newer part
 * W1 is tested; when {@code |μ0 − μ1| > ε_cut} with
 * {@code ε_cut = sqrt(2/m · σ²_W · ln(2/δ')) + 2/(3m) · ln(2/δ')}, {@code m = 1/(1/n0 + 1/n1)} and
 * {@code δ' = δ/n}, the oldest bucket is dropped and the test repeated. A change is reported when the window
 * shrank. The statistic is the largest {@code |μ0 − μ1| / ε_cut} over the splits at the last value, before any
 * shrinking (threshold 1).
 */
public final class Adwin implements DriftDetector {
    private static final int MIN_PART = 5;
    private final double delta;
    private final int maxBuckets;
    private long[] counts = new long[64];
    private double[] sums = new double[64];
    private double[] m2s = new double[64];
    private int size;
    private double lastRatio;

    /**
     * @param delta      confidence δ in (0, 1)
     * @param maxBuckets buckets kept per size (M), >= 2
     */
    public Adwin(double delta, int maxBuckets) {
        if (!(delta > 0 && delta < 1) || maxBuckets < 2) {
            throw new IllegalArgumentException("ADWIN needs delta in (0, 1) and maxBuckets >= 2: "
                    + delta + ", " + maxBuckets);
        }
        this.delta = delta;
        this.maxBuckets = maxBuckets;
    }

    /** ADWIN with M = 5 buckets per size. */
    public Adwin(double delta) {
        this(delta, 5);
    }

    @Override
    public String name() {
        return "adwin";
    }

    /** @return the number of values in the current window */
    public long width() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += counts[i];
        }
        return n;
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        append(1, value, 0);
        compress();
        if (!cutFound()) {
            return false;
        }
        double ratioAtDetection = lastRatio;
        do {
            removeAt(0);
        } while (cutFound());
        lastRatio = ratioAtDetection;
        return true;
    }

    private void append(long count, double sum, double m2) {
        if (size == counts.length) {
            counts = java.util.Arrays.copyOf(counts, size * 2);
            sums = java.util.Arrays.copyOf(sums, size * 2);
            m2s = java.util.Arrays.copyOf(m2s, size * 2);
        }
        counts[size] = count;
        sums[size] = sum;
        m2s[size] = m2;
        size++;
    }

    private void removeAt(int index) {
        int tail = size - index - 1;
        System.arraycopy(counts, index + 1, counts, index, tail);
        System.arraycopy(sums, index + 1, sums, index, tail);
        System.arraycopy(m2s, index + 1, m2s, index, tail);
        size--;
    }

    /** Merges bucket {@code index + 1} into bucket {@code index} (the older one) and removes it. */
    private void mergeWithNext(int index) {
        int next = index + 1;
        long n = counts[index] + counts[next];
        double d = sums[next] / counts[next] - sums[index] / counts[index];
        m2s[index] = m2s[index] + m2s[next] + d * d * counts[index] * counts[next] / n;
        sums[index] = sums[index] + sums[next];
        counts[index] = n;
        removeAt(next);
    }

    private void compress() {
        int end = size;
        long bucketSize = 1;
        while (true) {
            int start = end;
            while (start > 0 && counts[start - 1] == bucketSize) {
                start--;
            }
            if (end - start <= maxBuckets) {
                return;
            }
            mergeWithNext(start);
            end = start + 1;
            bucketSize *= 2;
        }
    }

    private boolean cutFound() {
        if (size < 2) {
            lastRatio = 0;
            return false;
        }
        long n = counts[0];
        double sum = sums[0];
        double m2 = m2s[0];
        for (int i = 1; i < size; i++) {
            long merged = n + counts[i];
            double d = sums[i] / counts[i] - sum / n;
            m2 = m2 + m2s[i] + d * d * n * counts[i] / merged;
            sum = sum + sums[i];
            n = merged;
        }
        double total = n;
        double variance = m2 / total;
        double logTerm = Math.log(2 * total / delta);
        long n0 = 0;
        double sum0 = 0;
        double maxRatio = 0;
        boolean cut = false;
        for (int i = 0; i < size - 1; i++) {
            n0 += counts[i];
            sum0 = n0 == counts[i] ? sums[i] : sum0 + sums[i];
            double n1 = total - n0;
            if (n0 < MIN_PART || n1 < MIN_PART) {
                continue;
            }
            double mean0 = sum0 / n0;
            double mean1 = (sum - sum0) / n1;
            double m = 1 / (1.0 / n0 + 1 / n1);
            double epsilon = Math.sqrt(2 / m * variance * logTerm) + 2 / (3 * m) * logTerm;
            double ratio = Math.abs(mean0 - mean1) / epsilon;
            maxRatio = Math.max(maxRatio, ratio);
            cut |= ratio > 1;
        }
        lastRatio = maxRatio;
        return cut;
    }

    @Override
    public double statistic() {
        return lastRatio;
    }

    @Override
    public double threshold() {
        return 1;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(lastRatio);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(counts[i]);
            out.writeDouble(sums[i]);
            out.writeDouble(m2s[i]);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        lastRatio = in.readDouble();
        int n = in.readInt();
        size = 0;
        for (int i = 0; i < n; i++) {
            append(in.readLong(), in.readDouble(), in.readDouble());
        }
    }
}
