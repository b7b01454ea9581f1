package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Baseline: an AR(1) model of the value changes, {@code Δx(t+1) = φ·Δx(t)}, fitted online by recursive
 * least squares with exponential forgetting. The forecast is {@code x(t) + φ·Δx(t)}.
 */
public final class Ar1RlsForecast implements StateCodec {
    private static final double INITIAL_COVARIANCE = 1e6;
    private final double forgetting;
    private double phi;
    private double covariance = INITIAL_COVARIANCE;
    private double last = Double.NaN;
    private double lastChange = Double.NaN;

    /** @param forgetting the forgetting factor λ of the least squares, in (0, 1] */
    public Ar1RlsForecast(double forgetting) {
        if (!(forgetting > 0 && forgetting <= 1)) {
            throw new IllegalArgumentException("RLS forgetting factor must be in (0, 1]: " + forgetting);
        }
        this.forgetting = forgetting;
    }

    public void observe(double value) {
        if (!Double.isNaN(last)) {
            double change = value - last;
            if (!Double.isNaN(lastChange)) {
                fit(lastChange, change);
            }
            lastChange = change;
        }
        last = value;
    }

    private void fit(double x, double y) {
        double gain = covariance * x / (forgetting + x * covariance * x);
        phi += gain * (y - phi * x);
        covariance = (covariance - gain * x * covariance) / forgetting;
        if (covariance > INITIAL_COVARIANCE) {
            covariance = INITIAL_COVARIANCE;
        }
    }

    /** @return the forecast of the next value, {@code NaN} before the first value */
    public double forecast() {
        if (Double.isNaN(lastChange)) {
            return last;
        }
        return last + phi * lastChange;
    }

    /** @return the fitted AR(1) coefficient φ of the changes */
    public double coefficient() {
        return phi;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(phi);
        out.writeDouble(covariance);
        out.writeDouble(last);
        out.writeDouble(lastChange);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        phi = in.readDouble();
        covariance = in.readDouble();
        last = in.readDouble();
        lastChange = in.readDouble();
    }
}
