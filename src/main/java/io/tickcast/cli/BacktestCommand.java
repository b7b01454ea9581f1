package io.tickcast.cli;

import io.tickcast.backtest.BacktestOptions;
import io.tickcast.backtest.BacktestResult;
import io.tickcast.backtest.BacktestRunner;
import io.tickcast.backtest.NothingScored;
import io.tickcast.backtest.ProgressListener;
import io.tickcast.backtest.ReportWriter;
import io.tickcast.backtest.SymbolSummary;
import io.tickcast.config.Durations;
import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.tick.TickFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickcast backtest}: runs a tick file through the service's own per-symbol pipeline, offline and as
 * fast as it goes, and writes {@code report.json} and {@code report.html}. With {@code bar.interval} set (config
 * file or {@code --set}), the points are the closes of time bars, built as the service builds them.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest a tick file through the same per-point pipeline as the service; writes "
                + "DIR/report.json and a self-contained DIR/report.html. With bar.interval set (--set "
                + "bar.interval=1m), points are the closes of time bars built as the service builds them.")
public final class BacktestCommand implements Callable<Integer> {

    /** Input formats; the content decides in the end ({@link TickFiles#formatOf}). */
    enum Format {
        csv(TickFiles.Format.CSV), jsonl(TickFiles.Format.JSON_LINES), binance(TickFiles.Format.BINANCE_SESSION);

        private final TickFiles.Format detected;

        Format(TickFiles.Format detected) {
            this.detected = detected;
        }
    }

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Tick file: CSV with a header naming a timestamp and a close/price column, JSON lines, or "
                    + "a recorded Binance WebSocket session (gzipped or not: the content tells).")
    Path data;

    @Option(names = "--format", paramLabel = "csv|jsonl|binance",
            description = "The file's format: ${COMPLETION-CANDIDATES} (default: detected from the content; when "
                    + "given, a file of the other format is refused).")
    Format format;

    @Option(names = "--symbol", paramLabel = "S",
            description = "Symbol of CSV ticks without a symbol column (default BTC-USD); with ticks that carry"
                    + " their own (JSON lines, a session, a CSV with a symbol column), the only symbol kept.")
    String symbol;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory of the reports.")
    Path out;

    @Option(names = "--score-from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Score only points from this time on (ISO-8601 or unix s/ms/us/ns); earlier points are "
                    + "learned from.")
    Long scoreFrom;

    @Option(names = "--score-until", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Stop before this time (ISO-8601 or unix s/ms/us/ns); after --score-from.")
    Long scoreUntil;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Spec
    CommandSpec spec;

    /**
     * Fixed pipeline settings (tests), or null: they come from the config file, environment and --set, as
     * {@code bar.interval} and {@code bar.grace} always do.
     */
    private final Supplier<PipelineSettings> settings;
    private final PrintStream err;
    private final PrintStream stdout;

    /** The command as the CLI runs it: settings from the configuration, printing to the process's streams. */
    public BacktestCommand() {
        this(null, System.out, System.err);
    }

    /**
     * @param settings the pipeline settings to use (the service's configuration)
     * @param stdout   where the summary goes
     * @param err      where the progress bar, skipped rows and errors go
     */
    public BacktestCommand(Supplier<PipelineSettings> settings, PrintStream stdout, PrintStream err) {
        this.settings = settings;
        this.stdout = stdout;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        long from = scoreFrom == null ? Long.MIN_VALUE : scoreFrom;
        long until = scoreUntil == null ? Long.MAX_VALUE : scoreUntil;
        if (from >= until) {
            throw new ParameterException(spec.commandLine(), "--score-from (" + Instant.ofEpochMilli(from)
                    + ") must be before --score-until (" + Instant.ofEpochMilli(until) + ")");
        }
        String refused = refusedInput();
        if (refused != null) {
            err.println("backtest: " + refused);
            return 2;
        }
        TickcastConfig loaded = config.load(Map.of());
        BacktestOptions options = BacktestOptions.of(data)
                .withSettings(settings != null ? settings.get() : loaded.pipelineSettings()).withSymbol(symbol)
                .withBars(loaded.barInterval(), loaded.barGrace())
                .withMaxLateness(loaded.tickMaxLateness())
                .withIdleRetention(loaded.idleRetention())
                .withScoreWindow(from, until);
        BacktestResult result;
        ProgressBar bar = noProgress ? null : new ProgressBar(err);
        SkippedRows skipped = new SkippedRows(line -> {
            if (bar != null) {
                bar.endLine();
            }
            err.println(line);
        });
        try {
            result = BacktestRunner.run(options, bar == null ? ProgressListener.NONE : bar, skipped, outcome -> { });
        } catch (IOException e) {
            err.println("backtest: " + e.getMessage());
            return 2;
        }
        String nothingScored = NothingScored.why(result, options);
        if (nothingScored != null) {
            err.println("backtest: no report written: " + nothingScored);
            return 1;
        }
        Path html;
        try {
            html = ReportWriter.write(result, out);
        } catch (IOException e) {
            err.println("backtest: cannot write the reports into " + out + ": " + e);
            return 1;
        }
        printSummary(result, options);
        stdout.println("reports: " + out.resolve(ReportWriter.JSON_FILE) + ", " + html);
        return 0;
    }

    /** @return why the file or {@code --out} cannot be used (exit code 2), or null */
    private String refusedInput() {
        try {
            TickFiles.checkFile(data);
            String mismatch = formatMismatch();
            return mismatch != null ? mismatch : outProblem(out);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** @return a share as a percentage, or "n/a" when there is none (no interval was issued yet, e.g.) */
    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
    }

    private void printSummary(BacktestResult result, BacktestOptions options) {
        for (SymbolSummary s : result.summaries()) {
            if (s.scored() == 0) {
                stdout.printf(Locale.ROOT, "%-10s points %8d scored %8d  nothing scored: a point is scored against"
                        + " the forecast made at the one before%n", s.symbol(), s.points(), s.scored());
            } else {
                stdout.printf(Locale.ROOT, "%-10s points %8d scored %8d  RMSE %.4f  naive %.4f  AR(1) %.4f  EWMA %.4f"
                                + "  skill %+.3f%% (DM %s), vs AR(1) %+.3f%% (DM %s)  direction %.1f%%  "
                                + "coverage %s  drift events %d%n",
                        s.symbol(), s.points(), s.scored(), s.rmse(), s.naiveRmse(), s.ar1Rmse(), s.ewmaRmse(),
                        100 * s.skill(), s.dmVsNaive().pValueText(), 100 * s.skillVsAr1(), s.dmVsAr1().pValueText(),
                        100 * s.directionalAccuracy(), percent(s.intervalCoverage()), s.driftEventCount());
            }
            if (options.bars()) {
                stdout.printf(Locale.ROOT, "%-10s %d ticks into %d bars of %s, %d late ticks dropped%n", "",
                        s.ticks(), s.bars(), options.barInterval(), s.lateTicks());
            }
            if (s.duplicateTicks() + s.outOfOrderTicks() > 0) {
                stdout.printf(Locale.ROOT, "%-10s %d duplicate and %d out-of-order ticks rejected, as the service"
                        + " rejects them%n", "", s.duplicateTicks(), s.outOfOrderTicks());
            }
            if (s.idleRestarts() > 0) {
                stdout.printf(Locale.ROOT, "%-10s started over %s with a fresh model after a silence longer than"
                        + " symbols.idle.retention (%s), as the service does%n", "",
                        s.idleRestartsText(), Durations.text(options.idleRetention().duration()));
            }
        }
        if (result.rowsSkipped() > 0) {
            stdout.printf(Locale.ROOT, "%d row%s skipped as not valid ticks%s%n", result.rowsSkipped(),
                    result.rowsSkipped() == 1 ? "" : "s",
                    result.rowsSkipped() > SkippedRows.SHOWN ? " (the first " + SkippedRows.SHOWN + " shown)" : "");
        }
    }

    /**
     * @return why the reports cannot be written into {@code dir} (it, or the nearest of its parents that exists, is
     *         not a directory), or null
     */
    static String outProblem(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || Files.isDirectory(existing)) {
            return null;
        }
        return "--out " + dir + (existing.equals(dir) ? "" : ": " + existing) + " is a file, not a directory";
    }

    /** @return why the file's content does not match {@code --format}, or {@code null} */
    private String formatMismatch() throws IOException {
        if (format == null) {
            return null;
        }
        TickFiles.Format detected = TickFiles.formatOf(data);
        if (detected != format.detected) {
            return data + " is " + Arrays.stream(Format.values()).filter(f -> f.detected == detected)
                    .findFirst().orElseThrow() + ", not " + format;
        }
        return null;
    }

    /** A one-line progress bar redrawn in place on stderr. */
    private static final class ProgressBar implements ProgressListener {
        private static final int WIDTH = 40;
        private final PrintStream err;
        private final long started = System.nanoTime();
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        /** Ends the bar's line, if one is drawn, so that a message can be printed below it. */
        void endLine() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }

        @Override
        public void progress(long bytesRead, long totalBytes, long points) {
            double share = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
            int filled = (int) Math.round(share * WIDTH);
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "\r[%s%s] %5.1f%% %,d points %,.0f points/s", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), 100 * share, points, seconds > 0 ? points / seconds : 0.0);
            drawn = share < 1;
            if (!drawn) {
                err.println();
            }
            err.flush();
        }
    }
}
