package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The state of one detector on one signal after a point (for gauges).
 *
 * @param detector  {@code page_hinkley}, {@code adwin} or {@code kswin}
 * @param signal    the watched stream
 * @param statistic the current statistic
 * @param threshold its threshold
 * @param drifting  whether a drift of this detector and signal is active (STARTED, not yet RECOVERED)
 */
public record DetectorStatus(@JsonProperty("detector") String detector,
                             @JsonProperty("signal") DriftSignal signal,
                             @JsonProperty("statistic") double statistic,
                             @JsonProperty("threshold") double threshold,
                             @JsonProperty("drifting") boolean drifting) {
}
