package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a drift's lifecycle, the value of the {@code drift-events} topic.
 *
 * @param symbol    the instrument
 * @param ts        event time of the point at which it happened, epoch ms
 * @param detector  {@code page_hinkley}, {@code adwin} or {@code kswin}
 * @param signal    the watched stream
 * @param phase     STARTED, ONGOING or RECOVERED
 * @param statistic the detector's statistic at that point
 * @param threshold the statistic's threshold
 */
public record DriftEvent(@JsonProperty("symbol") String symbol,
                         @JsonProperty("ts") long ts,
                         @JsonProperty("detector") String detector,
                         @JsonProperty("signal") DriftSignal signal,
                         @JsonProperty("phase") DriftPhase phase,
                         @JsonProperty("statistic") double statistic,
                         @JsonProperty("threshold") double threshold) {
}
