package io.tickcast.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One end-to-end run.
 *
 * @param mode          {@code rate} (a steady input rate), {@code flat_out}, or {@code recorded} (the bundled Binance
 *                      session at its recorded pace)
 * @param targetRate    ticks/s asked for, 0 for flat out; for {@code recorded} the speed-up of the recorded pace
 * @param ticks         ticks published
 * @param predictions   predictions read back (read_committed)
 * @param measured      predictions of ticks published after the warm-up: what the figures below cover
 * @param seconds       from the first measured tick sent to the last prediction read
 * @param pointsPerS    measured predictions / seconds
 * @param emitP50Ms     service latency (tick's Kafka timestamp to the prediction's emission), median
 * @param emitP99Ms     the same, 99th percentile
 * @param emitMaxMs     the same, maximum
 * @param visibleP50Ms  latency as a read_committed consumer sees it (tick's timestamp to arrival), median
 * @param visibleP99Ms  the same, 99th percentile
 * @param visibleMaxMs  the same, maximum
 * @param streamCpuUsPerPoint  CPU time of the service's stream threads during the run, per prediction read (µs)
 * @param processCpuUsPerPoint CPU time of the whole JVM (broker, clients and service) during the run, per
 *                             prediction read (µs)
 */
public record EndToEndResult(@JsonProperty("mode") String mode,
                             @JsonProperty("target_rate") double targetRate,
                             @JsonProperty("ticks") long ticks,
                             @JsonProperty("predictions") long predictions,
                             @JsonProperty("measured") long measured,
                             @JsonProperty("seconds") double seconds,
                             @JsonProperty("points_per_s") double pointsPerS,
                             @JsonProperty("emit_p50_ms") double emitP50Ms,
                             @JsonProperty("emit_p99_ms") double emitP99Ms,
                             @JsonProperty("emit_max_ms") double emitMaxMs,
                             @JsonProperty("visible_p50_ms") double visibleP50Ms,
                             @JsonProperty("visible_p99_ms") double visibleP99Ms,
                             @JsonProperty("visible_max_ms") double visibleMaxMs,
                             @JsonProperty("stream_cpu_us_per_point") double streamCpuUsPerPoint,
                             @JsonProperty("process_cpu_us_per_point") double processCpuUsPerPoint) {
}
