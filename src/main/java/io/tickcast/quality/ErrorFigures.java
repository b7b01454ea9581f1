package io.tickcast.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Error figures of one forecaster over one horizon (fading or sliding window), in the unit of the price
 * except {@code mape}, in percent. {@code NaN} before anything was scored.
 */
public record ErrorFigures(@JsonProperty("mae") double mae,
                           @JsonProperty("rmse") double rmse,
                           @JsonProperty("mape") double mape) {
}
