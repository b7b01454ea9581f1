package io.tickcast.pipeline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The forecast made at the last point, waiting for the next one to be scored.
 *
 * @param prediction  what was emitted
 * @param modelReturn the model's unblended log-return forecast, {@code NaN} when the model made none
 * @param ar1Return   the AR(1)-RLS baseline's log-return forecast
 * @param scale       the price scale of the conformal score (price · EWMA volatility)
 * @param driftScale  the price scale of the residual drift signal (price · slow fading return deviation)
 * @param fromModel   whether the forecaster made a forecast at that point (so the next point is its target)
 */
record Pending(Prediction prediction, double modelReturn, double ar1Return, double scale, double driftScale,
               boolean fromModel) {

    static void write(Pending pending, DataOutput out) throws IOException {
        out.writeBoolean(pending != null);
        if (pending == null) {
            return;
        }
        Prediction p = pending.prediction();
        out.writeLong(p.ts());
        out.writeDouble(p.price());
        out.writeDouble(p.predictedPrice());
        out.writeDouble(p.modelPredictedPrice());
        out.writeDouble(p.naivePrice());
        out.writeDouble(p.lower() == null ? Double.NaN : p.lower());
        out.writeDouble(p.upper() == null ? Double.NaN : p.upper());
        out.writeDouble(p.blendWeight());
        out.writeDouble(p.ar1Weight());
        out.writeLong(p.modelVersion());
        out.writeDouble(pending.modelReturn());
        out.writeDouble(pending.ar1Return());
        out.writeDouble(pending.scale());
        out.writeDouble(pending.driftScale());
        out.writeBoolean(pending.fromModel());
    }

    static Pending read(DataInput in, String symbol) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long ts = in.readLong();
        double price = in.readDouble();
        double predicted = in.readDouble();
        double modelPredicted = in.readDouble();
        double naive = in.readDouble();
        double lower = in.readDouble();
        double upper = in.readDouble();
        double weight = in.readDouble();
        double ar1Weight = in.readDouble();
        long version = in.readLong();
        Prediction p = new Prediction(symbol, ts, price, predicted, modelPredicted, naive,
                Double.isNaN(lower) ? null : lower, Double.isNaN(upper) ? null : upper, weight, ar1Weight, version,
                Double.NaN);
        return new Pending(p, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean());
    }
}
