package io.tickcast.tick.replay;

import java.time.Duration;

/**
 * A snapshot of a running (or finished) replay.
 *
 * @param sent         ticks handed to the producer
 * @param acknowledged ticks the broker has acknowledged
 * @param failed       ticks the producer failed to deliver
 * @param lastEventTs  event time (epoch ms) of the last tick sent, or {@link Long#MIN_VALUE} before the first
 * @param elapsed      wall-clock time since the replay began
 */
public record PublishProgress(long sent, long acknowledged, long failed, long lastEventTs, Duration elapsed) {
}
