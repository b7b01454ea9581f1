package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The weight of the model's forecast against the naive one: the fading least-squares slope of the realised
 * log-returns on the model's forecasts of them, clipped to [0, 1]. A model that cannot beat the random walk
 * gets a weight near 0 and the emitted forecast leans on the last price.
 */
final class NaiveBlend implements StateCodec {
    private final BlendSettings settings;
    private double sxy;
    private double sxx;
    private long count;

    NaiveBlend(BlendSettings settings) {
        this.settings = settings;
    }

    /** Scores one model forecast (log-return) against the realised log-return. */
    void update(double forecast, double realised) {
        if (!Double.isFinite(forecast) || !Double.isFinite(realised)) {
            return;
        }
        sxy = settings.fadingFactor() * sxy + forecast * realised;
        sxx = settings.fadingFactor() * sxx + forecast * forecast;
        count++;
    }

    double weight() {
        if (!settings.enabled()) {
            return 1;
        }
        if (count < settings.minPoints() || sxx <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, sxy / sxx));
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeDouble(sxy);
        out.writeDouble(sxx);
        out.writeLong(count);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        sxy = in.readDouble();
        sxx = in.readDouble();
        count = in.readLong();
    }
}
