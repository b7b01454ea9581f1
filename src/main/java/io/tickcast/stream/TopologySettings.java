package io.tickcast.stream;

import java.time.Duration;
import java.util.regex.Pattern;

import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.IdleRetention;

/**
 * What shapes the topology.
 *
 * @param topics          the topics and their serdes
 * @param barInterval     zero: every tick is a point; otherwise the bar length
 * @param barGrace        how long late ticks still join a closed bar's window
 * @param maxLateness     ticks older than their symbol's latest by more than this are rejected
 * @param maxFuture       ticks later than their record's Kafka timestamp by more than this are rejected
 * @param checkpointEvery points between two model checkpoints of a symbol (the journal holds the rest)
 * @param maxLiveModels   models kept in memory per stream task; the least recently used beyond are evicted
 * @param reportEvery     a symbol's quality report goes to the drift-metrics topic for every N-th scored point
 * @param symbolsAllowed  the pattern every tick's symbol must match, or null for any symbol
 * @param idleRetention   how long a silent symbol keeps its state
 */
public record TopologySettings(Topics topics, Duration barInterval, Duration barGrace, Duration maxLateness,
                               Duration maxFuture, int checkpointEvery, int maxLiveModels, int reportEvery,
                               Pattern symbolsAllowed, IdleRetention idleRetention) {

    /**
     * @return how far the newest tick of a stream task must be past a symbol's latest tick before the symbol's state
     *         is deleted: the retention, plus a bar's length and grace (a bar closes that long after its ticks, and
     *         a tick later than that is dropped, so a deleted symbol's next bar is always past the retention from its
     *         last one), plus the lateness tolerance (a tick that far behind the newest is still ordinary)
     */
    public long idleSweepAfterMs() {
        long bars = barInterval.isZero() ? 0 : barInterval.toMillis() + barGrace.toMillis();
        return idleRetention.retentionMs() + bars + maxLateness.toMillis();
    }

    public static TopologySettings from(TickcastConfig config) {
        return new TopologySettings(Topics.from(config), config.barInterval(), config.barGrace(),
                config.tickMaxLateness(), config.tickMaxFuture(), config.getInt(TickcastConfig.CHECKPOINT_EVERY_CONFIG),
                config.getInt(TickcastConfig.MODELS_MAX_LIVE_CONFIG),
                config.getInt(TickcastConfig.QUALITY_REPORT_EVERY_CONFIG), config.symbolsAllowed(),
                config.idleRetention());
    }
}
