package io.tickcast.backtest;

import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a tick file through one {@link SymbolPipeline} per symbol, exactly as the service does per point
 * (each tick is a point), and sums the outcomes. Single-threaded.
 */
public final class BacktestRunner {
    private static final int PROGRESS_EVERY = 4096;
    /** Points of the detail chart (the end of the scored range, not thinned). */
    static final int DETAIL_POINTS = 300;

    private BacktestRunner() {
    }

    /**
     * @param options  what to read and how
     * @param progress told how far the run got
     * @return the per-symbol summaries and chart series
     * @throws IOException if the file cannot be read or has no usable header
     */
    public static BacktestResult run(BacktestOptions options, ProgressListener progress) throws IOException {
        long started = System.nanoTime();
        long total = Files.size(options.data());
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(options.data()));
        String csvSymbol = options.symbol() == null ? TickFiles.DEFAULT_SYMBOL : options.symbol();
        Map<String, SymbolPipeline> pipelines = new LinkedHashMap<>();
        Map<String, SymbolAccumulator> sums = new LinkedHashMap<>();
        long points = 0;
        long skipped;
        try (TickReader reader = TickFiles.open(counted, options.data().toString(), csvSymbol, bad -> { })) {
            while (reader.hasNext()) {
                Tick tick = reader.next();
                if (tick.ts() >= options.scoreUntilMs()) {
                    break;
                }
                if (options.symbol() != null && !options.symbol().equals(tick.symbol())) {
                    continue;
                }
                SymbolPipeline pipeline = pipelines.computeIfAbsent(tick.symbol(),
                        s -> SymbolPipeline.create(s, options.settings(), options.factory()));
                SymbolAccumulator sum = sums.computeIfAbsent(tick.symbol(),
                        s -> new SymbolAccumulator(s, options.settings().quality().intervalLevel(),
                                options.settings().response().detector()));
                long t0 = System.nanoTime();
                PointOutcome outcome = pipeline.process(new Point(tick.symbol(), tick.ts(), tick.price(), tick.size(),
                        tick.ts()));
                sum.add(outcome, tick.price(), tick.ts() >= options.scoreFromMs(), System.nanoTime() - t0);
                if (++points % PROGRESS_EVERY == 0) {
                    progress.progress(counted.count(), total, points);
                }
            }
            skipped = reader.rowsSkipped();
        } finally {
            pipelines.values().forEach(SymbolPipeline::close);
        }
        progress.progress(total, total, points);
        List<SymbolSummary> summaries = new ArrayList<>();
        List<ChartSeries> charts = new ArrayList<>();
        List<ChartSeries> details = new ArrayList<>();
        List<Map<String, Long>> counts = new ArrayList<>();
        for (SymbolAccumulator sum : sums.values()) {
            summaries.add(sum.summary());
            charts.add(sum.chart(options.chartPoints()));
            details.add(sum.tail(DETAIL_POINTS));
            counts.add(sum.eventCounts());
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        return new BacktestResult(options.data().toString(), summaries, charts, details, counts,
                options.settings().response().detector(), skipped, elapsedMs);
    }
}
