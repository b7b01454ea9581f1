package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The weights of the model's forecast (and, when stacking, of the AR(1)-RLS baseline's forecast) against the
 * naive one: the fading least-squares coefficients {@code b} of the realised log-returns on the forecast
 * log-returns, each lowered by {@code confidence} standard errors and clipped to [0, 1]. A forecast that
 * cannot beat the random walk gets a weight of (nearly) 0 and the emitted forecast leans on the last price.
 */
final class NaiveBlend implements StateCodec {
    private static final double RIDGE = 1e-9;
    private final BlendSettings settings;
    private double s11;
    private double s12;
    private double s22;
    private double s1y;
    private double s2y;
    private double syy;
    private double weightSum;
    private long count;

    NaiveBlend(BlendSettings settings) {
        this.settings = settings;
    }

    /** The weights of the model and of the AR(1) baseline; their sum need not be 1 (the rest is naive). */
    record Weights(double model, double ar1) {
        static final Weights NAIVE = new Weights(0, 0);
    }

    /**
     * Scores one pair of forecasts against the realised log-return.
     *
     * @param model    the model's log-return forecast
     * @param ar1      the AR(1) baseline's log-return forecast (ignored unless stacking)
     * @param realised the realised log-return
     */
    void update(double model, double ar1, double realised) {
        double x2 = settings.stackAr1() ? ar1 : 0;
        if (!Double.isFinite(model) || !Double.isFinite(x2) || !Double.isFinite(realised)) {
            return;
        }
        double f = settings.fadingFactor();
        s11 = f * s11 + model * model;
        s12 = f * s12 + model * x2;
        s22 = f * s22 + x2 * x2;
        s1y = f * s1y + model * realised;
        s2y = f * s2y + x2 * realised;
        syy = f * syy + realised * realised;
        weightSum = f * weightSum + 1;
        count++;
    }

    Weights weights() {
        if (!settings.enabled()) {
            return new Weights(1, 0);
        }
        if (count < settings.minPoints() || s11 <= 0) {
            return Weights.NAIVE;
        }
        return settings.stackAr1() && s22 > 0 ? twoWeights() : new Weights(oneWeight(), 0);
    }

    private double oneWeight() {
        double slope = s1y / s11;
        double variance = Math.max(0, syy - slope * s1y) / Math.max(1, weightSum - 1);
        return clip(slope - settings.confidence() * Math.sqrt(variance / s11));
    }

    private Weights twoWeights() {
        double a11 = s11 * (1 + RIDGE);
        double a22 = s22 * (1 + RIDGE);
        double det = a11 * a22 - s12 * s12;
        if (!(det > 0)) {
            return new Weights(oneWeight(), 0);
        }
        double b1 = (a22 * s1y - s12 * s2y) / det;
        double b2 = (a11 * s2y - s12 * s1y) / det;
        double variance = Math.max(0, syy - b1 * s1y - b2 * s2y) / Math.max(1, weightSum - 2);
        double k = settings.confidence();
        return new Weights(clip(b1 - k * Math.sqrt(variance * a22 / det)),
                clip(b2 - k * Math.sqrt(variance * a11 / det)));
    }

    private static double clip(double w) {
        return Math.max(0, Math.min(1, w));
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        for (double v : new double[] {s11, s12, s22, s1y, s2y, syy, weightSum}) {
            out.writeDouble(v);
        }
        out.writeLong(count);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        s11 = in.readDouble();
        s12 = in.readDouble();
        s22 = in.readDouble();
        s1y = in.readDouble();
        s2y = in.readDouble();
        syy = in.readDouble();
        weightSum = in.readDouble();
        count = in.readLong();
    }
}
