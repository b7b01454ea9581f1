package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns the points of one symbol into model features, online: every statistic used at a point was built
 * from earlier points only. Not thread-safe.
 */
public final class FeatureExtractor implements StateCodec {
    /** Number of features per point. */
    public static final int FEATURES = 5;

    private final FeatureSettings settings;
    private final FadingScaler returns;
    private final FadingScaler gaps;
    private double lastPrice = Double.NaN;
    private long lastTs;
    private double variance = Double.NaN;
    private double shortEwma;
    private double longEwma;
    private long returnsSeen;

    public FeatureExtractor(FeatureSettings settings) {
        this.settings = settings;
        this.returns = new FadingScaler(settings.scalerFading());
        this.gaps = new FadingScaler(settings.scalerFading());
    }

    /**
     * Reads one point.
     *
     * @param ts    event time, epoch ms
     * @param price finite and positive
     * @return its features, or {@code null} for the first point (no return yet)
     */
    public Features next(long ts, double price) {
        double previous = lastPrice;
        long previousTs = lastTs;
        lastPrice = price;
        lastTs = ts;
        if (Double.isNaN(previous)) {
            return null;
        }
        double r = Math.log(price / previous);
        returnsSeen++;
        double z = clip(returns.scale(r));
        returns.update(r);
        double gap = Math.log1p(Math.max(0, ts - previousTs) / 1000.0);
        double gapZ = clip(gaps.scale(gap));
        gaps.update(gap);
        double relativeMove = Double.isNaN(variance) || variance <= 0 ? 0 : Math.abs(r) / Math.sqrt(variance) - 1;
        variance = Double.isNaN(variance) ? r * r : settings.volatilityAlpha() * r * r
                + (1 - settings.volatilityAlpha()) * variance;
        shortEwma = settings.shortEwmaAlpha() * z + (1 - settings.shortEwmaAlpha()) * shortEwma;
        longEwma = settings.longEwmaAlpha() * z + (1 - settings.longEwmaAlpha()) * longEwma;
        float[] vector = {(float) z, (float) clip(relativeMove), (float) shortEwma, (float) longEwma, (float) gapZ};
        return new Features(vector, r, z, returns.mean(), returns.sd(), Math.sqrt(variance));
    }

    /** @return the number of returns seen so far (points minus one) */
    public long returnsSeen() {
        return returnsSeen;
    }

    /** @return {@code x} clipped to [−clip, clip] */
    public double clip(double x) {
        return Math.max(-settings.clip(), Math.min(settings.clip(), x));
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        returns.writeState(out);
        gaps.writeState(out);
        out.writeDouble(lastPrice);
        out.writeLong(lastTs);
        out.writeDouble(variance);
        out.writeDouble(shortEwma);
        out.writeDouble(longEwma);
        out.writeLong(returnsSeen);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        returns.readState(in);
        gaps.readState(in);
        lastPrice = in.readDouble();
        lastTs = in.readLong();
        variance = in.readDouble();
        shortEwma = in.readDouble();
        longEwma = in.readDouble();
        returnsSeen = in.readLong();
    }
}
