package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
    private final List<Bucket> buckets = new ArrayList<>();
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
        for (Bucket b : buckets) {
            n += b.count;
        }
        return n;
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        buckets.add(new Bucket(1, value, 0));
        compress();
        if (!cutFound()) {
            return false;
        }
        double ratioAtDetection = lastRatio;
        do {
            buckets.remove(0);
        } while (cutFound());
        lastRatio = ratioAtDetection;
        return true;
    }

    private void compress() {
        int end = buckets.size();
        long size = 1;
        while (true) {
            int start = end;
            while (start > 0 && buckets.get(start - 1).count == size) {
                start--;
            }
            if (end - start <= maxBuckets) {
                return;
            }
            Bucket older = buckets.get(start);
            Bucket newer = buckets.remove(start + 1);
            buckets.set(start, older.merge(newer));
            end = start + 1;
            size *= 2;
        }
    }

    private boolean cutFound() {
        if (buckets.size() < 2) {
            lastRatio = 0;
            return false;
        }
        Bucket whole = Bucket.EMPTY;
        for (Bucket b : buckets) {
            whole = whole.merge(b);
        }
        double n = whole.count;
        double variance = whole.m2 / n;
        double logTerm = Math.log(2 * n / delta);
        Bucket older = Bucket.EMPTY;
        double maxRatio = 0;
        boolean cut = false;
        for (int i = 0; i < buckets.size() - 1; i++) {
            older = older.merge(buckets.get(i));
            double n0 = older.count;
            double n1 = n - n0;
            if (n0 < MIN_PART || n1 < MIN_PART) {
                continue;
            }
            double mean0 = older.sum / n0;
            double mean1 = (whole.sum - older.sum) / n1;
            double m = 1 / (1 / n0 + 1 / n1);
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
        out.writeInt(buckets.size());
        for (Bucket b : buckets) {
            out.writeLong(b.count);
            out.writeDouble(b.sum);
            out.writeDouble(b.m2);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        lastRatio = in.readDouble();
        int size = in.readInt();
        buckets.clear();
        for (int i = 0; i < size; i++) {
            buckets.add(new Bucket(in.readLong(), in.readDouble(), in.readDouble()));
        }
    }

    /** Count, sum and sum of squared deviations of the values in one bucket. */
    private record Bucket(long count, double sum, double m2) {
        static final Bucket EMPTY = new Bucket(0, 0, 0);

        Bucket merge(Bucket other) {
            if (count == 0) {
                return other;
            }
            long n = count + other.count;
            double delta = other.sum / other.count - sum / count;
            double m2Merged = m2 + other.m2 + delta * delta * count * other.count / n;
            return new Bucket(n, sum + other.sum, m2Merged);
        }
    }
}
