package io.tickcast.backtest;

import io.tickcast.tick.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real-data table of docs/QUALITY.md: the default pipeline on the lecture's daily file (scored on its
 * test days), on the bundled minute month (first half, where the defaults were chosen, and the unseen second
 * half), on the trades file and on the recorded Binance session's trades. Files absent from the data directory are
 * left out.
 *
 * <p>{@code main(dataDir, QUALITY.md [, reportsDir])} writes the table into the {@code real-data} section of
 * the Markdown file and, when {@code reportsDir} is given, the backtest reports of each data set under it.
 */
public final class RealDataEvaluation {
    /** The lecture's reported test RMSE on its test days (USD). */
    public static final double LECTURE_RMSE = 352.60;
    /** First test day of the lecture (its chronological 90/10 split). */
    public static final String LECTURE_TEST_START = "2018-11-07";
    /** The first instant of the second half of the minute month (point 19,472 of 38,942). */
    public static final String MINUTE_SECOND_HALF = "2025-01-20T12:32:00Z";
    /** File names inside the data directory. */
    public static final String LECTURE_FILE = "01_lecture_daily_close_2011-12-31_to_2019-08-12.csv";
    public static final String MINUTE_FILE = "02_bitstamp_btcusd_1min_2025-01-07_to_2025-02-03.csv";
    public static final String TRADES_FILE = "04_binance_futures_btcusdt_trades_2020-02-22.csv";
    public static final String SESSION_FILE = "05a_binance_spot_btcusdt_ws_raw_2024-08-08.txt.gz";

    /**
     * One data set.
     *
     * @param name    shown in the table
     * @param file    the file inside the data directory
     * @param from    first scored instant, or {@code null}
     * @param until   end of reading (exclusive), or {@code null}
     * @param role    "tuning" or "unseen"
     */
    public record DataSet(String name, String file, String from, String until, String role) {

        BacktestOptions options(Path dataDir) {
            return BacktestOptions.of(dataDir.resolve(file)).withScoreWindow(
                    from == null ? Long.MIN_VALUE : Timestamps.parseUnixOrIso(from),
                    until == null ? Long.MAX_VALUE : Timestamps.parseUnixOrIso(until));
        }
    }

    /** The data sets of the table. */
    public static final List<DataSet> DATA_SETS = List.of(
            new DataSet("lecture daily, test days 2018-11-07..2019-08-12", LECTURE_FILE, LECTURE_TEST_START, null,
                    "unseen"),
            new DataSet("Bitstamp minute month, first half", MINUTE_FILE, null, MINUTE_SECOND_HALF, "tuning"),
            new DataSet("Bitstamp minute month, second half", MINUTE_FILE, MINUTE_SECOND_HALF, null, "unseen"),
            new DataSet("Binance futures trades (tick level)", TRADES_FILE, null, null, "unseen"),
            new DataSet("Binance spot trades, a recorded WebSocket session (tick level)", SESSION_FILE, null, null,
                    "unseen"));

    private RealDataEvaluation() {
    }

    /** @return a Markdown table row of one data set's summary */
    static String row(DataSet set, SymbolSummary s) {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %.4f | %.4f | %.4f | %.4f | %.4f | %+.3f%% (%s) | "
                        + "%+.3f%% (%s) | %.1f%% | %.1f%% | %.3f |%n", set.name(), set.role(), s.scored(), s.rmse(),
                s.modelRmse(), s.naiveRmse(), s.ar1Rmse(), s.ewmaRmse(), 100 * s.skill(), s.dmVsNaive().pValueText(),
                100 * s.skillVsAr1(), s.dmVsAr1().pValueText(), 100 * s.intervalCoverage(),
                100 * s.directionalAccuracy(), s.meanBlendWeight());
    }

    /**
     * @param args data directory, output Markdown file, optional directory for the reports
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RealDataEvaluation DATA_DIR OUTPUT.md [REPORTS_DIR]");
        }
        Path dataDir = Path.of(args[0]);
        List<String> rows = new ArrayList<>();
        for (DataSet set : DATA_SETS) {
            if (!Files.isRegularFile(dataDir.resolve(set.file()))) {
                continue;
            }
            BacktestResult result = BacktestRunner.run(set.options(dataDir), ProgressListener.NONE);
            rows.add(row(set, result.summaries().get(0)));
            if (args.length > 2) {
                String name = set.file().substring(0, 2) + (set.from() == null ? "" : "-scored-from-" + set.from()
                        .replace(':', '-'));
                ReportWriter.write(result, Path.of(args[2]).resolve(name));
            }
        }
        String md = "| data | role | scored points | tickcast RMSE | raw LSTM RMSE | naive RMSE | AR(1)-RLS RMSE "
                + "| EWMA RMSE | skill vs naive (Diebold-Mariano p) | skill vs AR(1) (Diebold-Mariano p) "
                + "| 90% interval coverage | directional accuracy "
                + "| mean blend weight |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + String.join("", rows);
        MarkdownSection.write(Path.of(args[1]), "real-data", md);
    }
}
