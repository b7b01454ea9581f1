package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The forecast emitted at one point, the value of the {@code predictions} topic.
 *
 * @param symbol               the instrument
 * @param ts                   event time of the input point, epoch ms
 * @param price                the input point's price
 * @param predictedPrice       the forecast of the next point's price (blended toward the naive forecast)
 * @param modelPredictedPrice  the raw model's forecast before blending ({@code = naivePrice} before the
 *                             model has predicted anything)
 * @param naivePrice           the naive forecast, the last price
 * @param lower                lower bound of the prediction interval, {@code null} until enough residuals;
 *                             {@code −∞} (JSON {@code null}) when the adaptive level asks for more than the
 *                             residuals can give
 * @param upper                upper bound of the prediction interval, {@code null} until enough residuals;
 *                             {@code +∞} (JSON {@code null}) as for {@code lower}
 * @param blendWeight          the raw model's total weight in {@code predictedPrice}, in [0, 1] (through the blend
 *                             and, with {@code blend.combine}, the combination)
 * @param ar1Weight            the AR(1)-RLS baseline's total weight in {@code predictedPrice} (through the
 *                             combination, and the blend when {@code blend.stack.ar1} is on; else 0); the rest is
 *                             the naive forecast's
 * @param modelVersion         number of model updates made so far for this symbol
 * @param latencyMs            tick-to-prediction latency in ms, filled in by the stream layer ({@code NaN}
 *                             before)
 */
public record Prediction(@JsonProperty("symbol") String symbol,
                         @JsonProperty("ts") long ts,
                         @JsonProperty("price") double price,
                         @JsonProperty("predicted_price") double predictedPrice,
                         @JsonProperty("model_predicted_price") double modelPredictedPrice,
                         @JsonProperty("naive_price") double naivePrice,
                         @JsonProperty("lower") Double lower,
                         @JsonProperty("upper") Double upper,
                         @JsonProperty("blend_weight") double blendWeight,
                         @JsonProperty("ar1_weight") double ar1Weight,
                         @JsonProperty("model_version") long modelVersion,
                         @JsonProperty("latency_ms") double latencyMs) {

    /** @return this prediction with its latency set */
    public Prediction withLatencyMs(double newLatencyMs) {
        return new Prediction(symbol, ts, price, predictedPrice, modelPredictedPrice, naivePrice, lower, upper,
                blendWeight, ar1Weight, modelVersion, newLatencyMs);
    }

    /** @return whether {@code actual} lies in the interval; {@code null} when there is no interval */
    public Boolean covers(double actual) {
        if (lower == null || upper == null) {
            return null;
        }
        return actual >= lower && actual <= upper;
    }
}
