package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * KSWIN, the Kolmogorov-Smirnov windowing detector of Raab, Heusinger and Schleif (Neurocomputing 2020).
 *
 * <p>A window Ψ of the last {@code window} values is kept. Once it is full, the {@code statSize} newest
 * values R are compared by the two-sample Kolmogorov-Smirnov statistic D with {@code statSize} values drawn
 * uniformly without replacement from the older part of Ψ. A change is declared when
 * {@code D > sqrt(−ln(α) / statSize)}; Ψ then keeps only R.
 *
 * <p>{@link #statistic()} is the D of the last test: at a detection it is the D that fired; while Ψ fills,
 * first or after a detection, no test runs and it is 0.
 */
public final class Kswin implements DriftDetector {
    private final double threshold;
    private final int statSize;
    private final double[] values;
    private final SplitMix64 random;
    private int size;
    private double lastStatistic;
    private final int[] scratchIndex;
    private final double[] scratchOlder;
    private final double[] scratchRecent;

    /**
     * @param alpha    significance α in (0, 1)
     * @param window   size of Ψ, > 2·statSize
     * @param statSize size of R and of the sample, >= 2
     * @param seed     seed of the sampling
     */
    public Kswin(double alpha, int window, int statSize, long seed) {
        if (!(alpha > 0 && alpha < 1) || statSize < 2 || window <= 2 * statSize) {
            throw new IllegalArgumentException("KSWIN needs alpha in (0, 1), statSize >= 2, window > 2*statSize: "
                    + alpha + ", " + window + ", " + statSize);
        }
        this.threshold = Math.sqrt(-Math.log(alpha) / statSize);
        this.statSize = statSize;
        this.values = new double[window];
        this.random = new SplitMix64(seed);
        this.scratchIndex = new int[window - statSize];
        this.scratchOlder = new double[statSize];
        this.scratchRecent = new double[statSize];
    }

    @Override
    public String name() {
        return "kswin";
    }

    @Override
    public boolean update(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (size == values.length) {
            System.arraycopy(values, 1, values, 0, size - 1);
            size--;
        }
        values[size++] = value;
        if (size < values.length) {
            lastStatistic = 0; // no test while Ψ fills (again): the detection's D does not linger in the gauge
            return false;
        }
        System.arraycopy(values, size - statSize, scratchRecent, 0, statSize);
        lastStatistic = sortedKsStatistic(olderSample(), scratchRecent);
        if (lastStatistic > threshold) {
            System.arraycopy(values, size - statSize, values, 0, statSize);
            size = statSize;
            return true;
        }
        return false;
    }

    private double[] olderSample() {
        int older = size - statSize;
        int[] index = scratchIndex;
        for (int i = 0; i < older; i++) {
            index[i] = i;
        }
        double[] sample = scratchOlder;
        for (int i = 0; i < statSize; i++) {
            int j = i + random.nextInt(older - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
            sample[i] = values[index[i]];
        }
        return sample;
    }

    /** The two-sample Kolmogorov-Smirnov statistic: the largest gap between the empirical CDFs. */
    static double ksStatistic(double[] a, double[] b) {
        return sortedKsStatistic(a.clone(), b.clone());
    }

    /** {@link #ksStatistic} that sorts its arguments in place. */
    private static double sortedKsStatistic(double[] x, double[] y) {
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double max = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            max = Math.max(max, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return max;
    }

    @Override
    public double statistic() {
        return lastStatistic;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(values.length);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(values[i]);
        }
        out.writeLong(random.state());
        out.writeDouble(lastStatistic);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, values.length, "KSWIN window");
        size = in.readInt();
        for (int i = 0; i < size; i++) {
            values[i] = in.readDouble();
        }
        random.state(in.readLong());
        lastStatistic = in.readDouble();
    }
}
