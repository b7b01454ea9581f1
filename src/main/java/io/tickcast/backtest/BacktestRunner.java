package io.tickcast.backtest;

import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.pipeline.SymbolPipelines;
import io.tickcast.tick.BadRow;
import io.tickcast.tick.Tick;
import io.tickcast.tick.RejectReason;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a tick file through one {@link SymbolPipeline} per symbol, exactly as the service does per point, and sums
 * the outcomes. Ticks first go through {@link OfflineIngest}: the service's own {@code TickGuard} (duplicates and
 * ticks later than {@code tick.max.lateness} are rejected and counted, as the service sends them to the dead-letter
 * topic), then a point per tick or, with a bar interval, the bars closed as the service's topology closes them,
 * with one stream time over the whole file. Bars are built on the ticks' event time (a file has no Kafka ingest
 * time; the event time stands in for it, which only the service's latency figure would read). A symbol idle for
 * longer than {@code symbols.idle.retention} starts over, as in the service. Single-threaded.
 */
public final class BacktestRunner {
    private static final int PROGRESS_EVERY = 4096;
    /** Points of the detail chart (the end of the scored range, not thinned). */
    static final int DETAIL_POINTS = 300;

    private final BacktestOptions options;
    private final OfflineIngest ingest;
    private final Consumer<PointOutcome> outcomes;
    private final SymbolPipelines pipelines;
    private final Map<String, SymbolAccumulator> sums = new LinkedHashMap<>();
    private final Set<String> symbols = new LinkedHashSet<>();
    private long points;
    private Long firstTickTs;
    private long lastPointTs = Long.MIN_VALUE;
    private BadRow firstSkipped;

    private BacktestRunner(BacktestOptions options, Consumer<PointOutcome> outcomes) {
        this.options = options;
        this.outcomes = outcomes;
        this.ingest = new OfflineIngest(options.barInterval(), options.barGrace(), options.maxLateness(),
                symbol -> 0);
        this.pipelines = new SymbolPipelines(s -> SymbolPipeline.create(s, options.settings(), options.factory()),
                options.idleRetention());
    }

    /**
     * @param options  what to read and how
     * @param progress told how far the run got
     * @return the per-symbol summaries and chart series
     * @throws IOException if the file cannot be read or has no usable header
     */
    public static BacktestResult run(BacktestOptions options, ProgressListener progress) throws IOException {
        return run(options, progress, bad -> { }, outcome -> { });
    }

    /**
     * @param options  what to read and how
     * @param progress told how far the run got
     * @param outcomes told every point's outcome, in processing order
     * @return the per-symbol summaries and chart series
     * @throws IOException if the file cannot be read or has no usable header
     */
    public static BacktestResult run(BacktestOptions options, ProgressListener progress,
                                     Consumer<PointOutcome> outcomes) throws IOException {
        return run(options, progress, bad -> { }, outcomes);
    }

    /**
     * @param options  what to read and how
     * @param progress told how far the run got
     * @param onBadRow told every row skipped as not a valid tick, with its file and line, as it is read
     * @param outcomes told every point's outcome, in processing order (what the service would publish, without
     *                 its latency)
     * @return the per-symbol summaries and chart series
     * @throws IOException if the file cannot be read, at open or later, or has no usable header (the message names
     *                     the file)
     */
    public static BacktestResult run(BacktestOptions options, ProgressListener progress, Consumer<BadRow> onBadRow,
                                     Consumer<PointOutcome> outcomes) throws IOException {
        long started = System.nanoTime();
        long total = Files.size(options.data());
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(options.data()));
        String csvSymbol = options.symbol() == null ? TickFiles.DEFAULT_SYMBOL : options.symbol();
        BacktestRunner run = new BacktestRunner(options, outcomes);
        long ticks = 0;
        long skipped;
        long read;
        try (TickReader reader = TickFiles.open(counted, options.data().toString(), csvSymbol,
                bad -> run.badRow(bad, onBadRow))) {
            while (reader.hasNext()) {
                Tick tick = reader.next();
                run.seen(tick);
                if (tick.ts() >= options.scoreUntilMs()) {
                    break;
                }
                if (options.symbol() != null && !options.symbol().equals(tick.symbol())) {
                    continue;
                }
                run.tick(tick);
                if (++ticks % PROGRESS_EVERY == 0) {
                    progress.progress(counted.count(), total, run.points);
                }
            }
            skipped = reader.rowsSkipped();
            read = reader.ticksRead();
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e.getCause());
        } finally {
            run.pipelines.close();
        }
        progress.progress(total, total, run.points);
        return run.result(new FileRead(read, skipped, run.firstSkipped, List.copyOf(run.symbols), run.firstTickTs,
                run.points == 0 ? null : run.lastPointTs), (System.nanoTime() - started) / 1_000_000);
    }

    private void badRow(BadRow row, Consumer<BadRow> onBadRow) {
        if (firstSkipped == null) {
            firstSkipped = row;
        }
        onBadRow.accept(row);
    }

    private void seen(Tick tick) {
        if (firstTickTs == null) {
            firstTickTs = tick.ts();
        }
        if (symbols.size() < FileRead.MAX_SYMBOLS) {
            symbols.add(tick.symbol());
        }
    }

    private void tick(Tick tick) {
        SymbolAccumulator sum = sums.computeIfAbsent(tick.symbol(), s -> new SymbolAccumulator(s,
                options.settings().quality().intervalLevel(), options.settings().response().detector()));
        sum.tick();
        RejectReason rejected = ingest.add(tick, this::process);
        if (rejected != null) {
            sum.rejected(rejected);
        }
    }

    private void process(Point point) {
        SymbolPipeline pipeline = pipelines.forPoint(point);
        long t0 = System.nanoTime();
        PointOutcome outcome = pipeline.process(point);
        sums.get(point.symbol()).add(outcome, point.price(), point.ts() >= options.scoreFromMs(),
                System.nanoTime() - t0);
        points++;
        lastPointTs = Math.max(lastPointTs, point.ts());
        outcomes.accept(outcome);
    }

    private BacktestResult result(FileRead read, long elapsedMs) {
        List<SymbolSummary> summaries = new ArrayList<>();
        List<ChartSeries> charts = new ArrayList<>();
        List<ChartSeries> details = new ArrayList<>();
        List<Map<String, Long>> counts = new ArrayList<>();
        for (SymbolAccumulator sum : sums.values()) {
            summaries.add(sum.summary(options.bars(), ingest.lateTicks(sum.symbol()),
                    pipelines.restarts(sum.symbol())));
            charts.add(sum.chart(options.chartPoints()));
            details.add(sum.tail(DETAIL_POINTS));
            counts.add(sum.eventCounts());
        }
        return new BacktestResult(options.data().toString(), summaries, charts, details, counts,
                options.settings().response().detector(), read, elapsedMs, options.barInterval(),
                options.barGrace());
    }
}
