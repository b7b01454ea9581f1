package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Baseline: an AR(1) model of the value changes, {@code Δx(t+1) = φ·Δx(t)}, fitted online by recursive
 * least squares with exponential forgetting. The forecast is {@code x(t) + φ·Δx(t)} with φ taken within [−1, 1],
 * the range of a stationary AR(1) process: the least-squares estimate from the first few changes can be far outside
 * it (φ = 47 after a change of 0.03 followed by one of 1.58 in a Binance trade session), and a forecast that
 * extrapolates an explosive process is no AR(1) model. The recursion itself keeps the unconstrained estimate.
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
        return last + coefficient() * lastChange;
    }

    /** @return the AR(1) coefficient φ of the changes that the forecast uses: the fitted one, within [−1, 1] */
    public double coefficient() {
        return Math.max(-1, Math.min(1, phi));
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
