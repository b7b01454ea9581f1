package io.tickcast.backtest;

import io.tickcast.pipeline.ForecasterFactory;
import io.tickcast.pipeline.IdleRetention;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.tick.TickGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a backtest reads and how it scores.
 *
 * @param data        a tick file: CSV with a header, JSON lines or a recorded Binance session, gzipped or not (the
 *                    content tells)
 * @param symbol      for CSV the symbol of its ticks (default {@code BTC-USD}); for JSON lines and sessions, when
 *                    set, the only symbol kept
 * @param scoreFromMs points before this event time (epoch ms) are learned from but not scored
 * @param scoreUntilMs points from this event time (epoch ms) on are not read at all
 * @param settings    the pipeline settings, the same as the service's
 * @param factory     makes and restores forecasters
 * @param chartPoints most points per symbol drawn in report.html
 * @param barInterval zero: every tick is a point; otherwise the length of the time bars whose closes are the
 *                    points, as the service's {@code bar.interval}
 * @param barGrace    as the service's {@code bar.grace}: how long after a bar's end late ticks still join it
 * @param maxLateness as the service's {@code tick.max.lateness}
 * @param idleRetention as the service's {@code symbols.idle.retention}: a symbol silent longer starts over
 */
public record BacktestOptions(Path data, String symbol, long scoreFromMs, long scoreUntilMs, PipelineSettings settings,
                              ForecasterFactory factory, int chartPoints, Duration barInterval, Duration barGrace,
                              Duration maxLateness, IdleRetention idleRetention) {

    public BacktestOptions {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(barInterval, "barInterval");
        Objects.requireNonNull(barGrace, "barGrace");
        Objects.requireNonNull(maxLateness, "maxLateness");
        Objects.requireNonNull(idleRetention, "idleRetention");
        if (chartPoints < 2) {
            throw new IllegalArgumentException("chartPoints must be >= 2: " + chartPoints);
        }
        if (barInterval.isNegative() || barGrace.isNegative()) {
            throw new IllegalArgumentException("bar interval and grace must not be negative: " + barInterval + ", "
                    + barGrace);
        }
    }

    /** @return options that score every point of {@code data} with the default settings and engine */
    public static BacktestOptions of(Path data) {
        return new BacktestOptions(data, null, Long.MIN_VALUE, Long.MAX_VALUE, PipelineSettings.defaults(),
                ForecasterFactory.standard(), 1500, Duration.ZERO, Duration.ZERO, TickGuard.DEFAULT_MAX_LATENESS,
                IdleRetention.NEVER);
    }

    public BacktestOptions withSymbol(String newSymbol) {
        return new BacktestOptions(data, newSymbol, scoreFromMs, scoreUntilMs, settings, factory, chartPoints,
                barInterval, barGrace, maxLateness, idleRetention);
    }

    public BacktestOptions withScoreWindow(long fromMs, long untilMs) {
        return new BacktestOptions(data, symbol, fromMs, untilMs, settings, factory, chartPoints, barInterval,
                barGrace, maxLateness, idleRetention);
    }

    public BacktestOptions withSettings(PipelineSettings newSettings) {
        return new BacktestOptions(data, symbol, scoreFromMs, scoreUntilMs, newSettings, factory, chartPoints,
                barInterval, barGrace, maxLateness, idleRetention);
    }

    public BacktestOptions withFactory(ForecasterFactory newFactory) {
        return new BacktestOptions(data, symbol, scoreFromMs, scoreUntilMs, settings, newFactory, chartPoints,
                barInterval, barGrace, maxLateness, idleRetention);
    }

    /** @return these options with time bars of {@code interval} ({@link Duration#ZERO}: every tick is a point) */
    public BacktestOptions withBars(Duration interval, Duration grace) {
        return new BacktestOptions(data, symbol, scoreFromMs, scoreUntilMs, settings, factory, chartPoints, interval,
                grace, maxLateness, idleRetention);
    }

    /** @return these options with the service's lateness tolerance for ticks ({@code tick.max.lateness}) */
    public BacktestOptions withMaxLateness(Duration newMaxLateness) {
        return new BacktestOptions(data, symbol, scoreFromMs, scoreUntilMs, settings, factory, chartPoints,
                barInterval, barGrace, newMaxLateness, idleRetention);
    }

    /** @return these options with the service's idle retention ({@code symbols.idle.retention}) */
    public BacktestOptions withIdleRetention(IdleRetention newRetention) {
        return new BacktestOptions(data, symbol, scoreFromMs, scoreUntilMs, settings, factory, chartPoints,
                barInterval, barGrace, maxLateness, newRetention);
    }

    /** @return whether ticks are aggregated into time bars */
    public boolean bars() {
        return !barInterval.isZero();
    }
}
