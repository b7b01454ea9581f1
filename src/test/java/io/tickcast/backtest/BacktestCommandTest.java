package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.cli.BacktestCommand;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.quality.DieboldMariano;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {
    private static final PipelineSettings SMALL = PipelineSettings.defaults()
            .withForecaster(new ForecasterSpec("fast", 5, 8, 1, 16, 4, 1e-3, 42L));
    private static final List<String> REQUIRED = List.of("points", "rmse", "mae", "naive_rmse", "ewma_rmse",
            "ar1_rmse", "skill", "directional_accuracy", "interval_coverage", "drift_events");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int backtest(String... args) {
        BacktestCommand command = new BacktestCommand(() -> SMALL, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private static double[] prices(int n, long seed) {
        Random random = new Random(seed);
        double[] p = new double[n];
        double logPrice = Math.log(50_000);
        for (int i = 0; i < n; i++) {
            logPrice += (i < n / 2 ? 0.001 : 0.004) * random.nextGaussian();
            p[i] = Math.exp(logPrice);
        }
        return p;
    }

    private Path csv(int n) throws IOException {
        StringBuilder text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double[] p = prices(n, 41L);
        for (int i = 0; i < n; i++) {
            text.append(String.format(Locale.ROOT, "%d,1,1,1,%.2f,0.5%n", 1_736_208_060L + 60L * i, p[i]));
        }
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldWriteAJsonReportWithTheFiguresOfEverySymbol() throws IOException {
        Path out = dir.resolve("out");

        int exit = backtest("--data", csv(1500).toString(), "--out", out.toString());

        assertThat(exit).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode btc = report.path("symbols").path("BTC-USD");
        for (String field : REQUIRED) {
            assertThat(btc.has(field)).as(field).isTrue();
        }
        assertThat(btc.path("points").asLong()).isEqualTo(1500);
        assertThat(btc.path("scored").asLong()).isEqualTo(1499);
        assertThat(btc.path("rmse").asDouble()).isPositive();
        assertThat(btc.path("rmse").asDouble()).isLessThan(1.05 * btc.path("naive_rmse").asDouble());
        assertThat(btc.path("interval_coverage").asDouble()).isBetween(0.8, 0.97);
        assertThat(btc.path("drift_events").isArray()).isTrue();
        assertThat(btc.path("drift_event_count").asLong()).isPositive();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("100.0%");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("BTC-USD", "RMSE");
    }

    @Test
    void shouldReportTheDieboldMarianoTestsAgainstTheBaselinesConsistentlyWithTheRmses() throws IOException {
        Path out = dir.resolve("out");

        backtest("--data", csv(1500).toString(), "--out", out.toString(), "--no-progress");

        JsonNode btc = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("symbols").path("BTC-USD");
        double rmse = btc.path("rmse").asDouble();
        for (String baseline : List.of("naive", "ar1")) {
            JsonNode test = btc.path("dm_vs_" + baseline);
            double baselineRmse = btc.path(baseline + "_rmse").asDouble();
            assertThat(test.path("points").asLong()).as(baseline).isEqualTo(1499);
            assertThat(test.path("lags").asInt()).as(baseline).isEqualTo(DieboldMariano.lag(1499));
            assertThat(test.path("mean_loss_difference").asDouble()).as(baseline)
                    .isCloseTo(rmse * rmse - baselineRmse * baselineRmse, within(1e-6 * baselineRmse * baselineRmse));
            assertThat(Math.signum(test.path("statistic").asDouble())).as(baseline)
                    .isEqualTo(Math.signum(rmse - baselineRmse));
            assertThat(test.path("p_value").asDouble()).as(baseline).isStrictlyBetween(0.0, 1.0);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("(DM p ");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Diebold-Mariano p", "(p ");
    }

    @Test
    void shouldWriteASelfContainedHtmlReportWithChartsAndDriftMarkers() throws IOException {
        Path out = dir.resolve("out");

        backtest("--data", csv(1500).toString(), "--out", out.toString(), "--no-progress");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "prediction interval", "rolling RMSE naive",
                "stroke-dasharray");
        assertThat(html).doesNotContain("<script src", "<link", "https://", "cdn");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheRequestedSymbolOfAJsonLinesFile() throws IOException {
        StringBuilder text = new StringBuilder();
        double[] a = prices(300, 42L);
        double[] b = prices(300, 43L);
        for (int i = 0; i < 300; i++) {
            long ts = 1_736_208_060_000L + 1000L * i;
            text.append(String.format(Locale.ROOT, "{\"symbol\":\"BTC-USD\",\"ts\":%d,\"price\":%.2f}%n", ts, a[i]));
            text.append(String.format(Locale.ROOT, "{\"symbol\":\"ETH-USD\",\"ts\":%d,\"price\":%.2f}%n", ts, b[i] / 20));
        }
        Path file = dir.resolve("ticks.jsonl");
        Files.writeString(file, text);
        Path all = dir.resolve("all");
        Path eth = dir.resolve("eth");

        backtest("--data", file.toString(), "--format", "jsonl", "--out", all.toString(), "--no-progress");
        backtest("--data", file.toString(), "--symbol", "ETH-USD", "--out", eth.toString(), "--no-progress");

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(all.resolve("report.json").toFile()).path("symbols").size()).isEqualTo(2);
        JsonNode symbols = json.readTree(eth.resolve("report.json").toFile()).path("symbols");
        assertThat(symbols.size()).isEqualTo(1);
        assertThat(symbols.path("ETH-USD").path("points").asLong()).isEqualTo(300);
    }

    @Test
    void shouldSayWhichSymbolsAFileHasWhenTheRequestedOneIsNotInIt() throws IOException {
        Path file = dir.resolve("eth.jsonl");
        Files.writeString(file, "{\"symbol\":\"ETH-USD\",\"ts\":1736208060000,\"price\":3300.5}\n"
                + "{\"symbol\":\"SOL-USD\",\"ts\":1736208060000,\"price\":210.5}\n");
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--symbol", "BTC-USD", "--out", out.toString(), "--no-progress");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("nothing to forecast in " + file + " for symbol BTC-USD (its symbols: [ETH-USD, SOL-USD])");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void shouldScoreOnlyPointsFromTheScoreFromTime() throws IOException {
        Path out = dir.resolve("out");

        backtest("--data", csv(1000).toString(), "--out", out.toString(), "--no-progress",
                "--score-from", String.valueOf(1_736_208_060L + 60L * 600));

        JsonNode btc = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("symbols").path("BTC-USD");
        assertThat(btc.path("points").asLong()).isEqualTo(1000);
        assertThat(btc.path("scored").asLong()).isEqualTo(400);
    }

    @Test
    void shouldForecastTheClosesOfTimeBarsWhenABarIntervalIsSet() throws IOException {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, tradesEveryThirdLate(1800, 44L));
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--set", "bar.interval=1m",
                "--set", "bar.grace=20s", "--set", "tick.max.lateness=1m");

        assertThat(exit).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("bar_interval").asText()).isEqualTo("PT1M");
        assertThat(report.path("bar_grace").asText()).isEqualTo("PT20S");
        JsonNode btc = report.path("symbols").path("BTC-USD");
        assertThat(btc.path("ticks").asLong()).isEqualTo(1800);
        assertThat(btc.path("late_ticks").asLong()).as("every third tick is 45 s late, beyond the grace")
                .isBetween(500L, 600L);
        assertThat(btc.path("bars").asLong()).isEqualTo(btc.path("points").asLong()).isBetween(590L, 600L);
        assertThat(btc.path("scored").asLong()).isEqualTo(btc.path("bars").asLong() - 1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("100.0%");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("1800 ticks into", "late ticks dropped");
    }

    @Test
    void shouldRejectTicksLaterThanTheServicesToleranceBeforeTheyReachABar() throws IOException {
        String trades = tradesEveryThirdLate(900, 45L);
        String[] rows = trades.split("\n");
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, trades + rows[rows.length - 2] + "\n");
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--set", "bar.interval=1m",
                "--set", "bar.grace=20s");

        assertThat(exit).isZero();
        JsonNode btc = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("symbols").path("BTC-USD");
        assertThat(btc.path("ticks").asLong()).isEqualTo(901);
        assertThat(btc.path("out_of_order_ticks").asLong()).as("45 s behind the latest: beyond tick.max.lateness=5s")
                .isEqualTo(300);
        assertThat(btc.path("duplicate_ticks").asLong()).as("the last row repeats the latest accepted one").isEqualTo(1);
        assertThat(btc.path("late_ticks").asLong()).as("none left for the bars to drop").isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("1 duplicate and 300 out-of-order ticks rejected");
    }

    @Test
    void shouldReportNoBarIntervalWhenEveryTickIsAPoint() throws IOException {
        Path out = dir.resolve("out");

        backtest("--data", csv(200).toString(), "--out", out.toString(), "--no-progress");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("bar_interval").isNull()).isTrue();
        JsonNode btc = report.path("symbols").path("BTC-USD");
        assertThat(btc.path("points").asLong()).isEqualTo(200);
        assertThat(btc.path("bars").asLong()).isZero();
        assertThat(btc.path("late_ticks").asLong()).isZero();
    }

    @Test
    void shouldSayThereIsNoCoverageYetWhenNoIntervalWasIssued() throws IOException {
        // too few points for the intervals' first quantile: coverage has no value, not NaN%
        assertThat(backtest("--data", csv(12).toString(), "--out", dir.resolve("out").toString(), "--no-progress"))
                .isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("coverage n/a").doesNotContain("NaN");
    }

    @Test
    void shouldRefuseACsvFileGivenAsJsonLines() throws IOException {
        int exit = backtest("--data", csv(10).toString(), "--format", "jsonl", "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("is csv, not jsonl");
    }

    @Test
    void shouldFailWithExitCodeTwoWhenTheFileDoesNotExist() {
        int exit = backtest("--data", dir.resolve("missing.csv").toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    @Test
    void shouldEndInOneLineNamingTheFileWhenItHasNoTimestampColumn() throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "when,close\n1,2\n");

        int exit = backtest("--data", file.toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip())
                .startsWith("backtest: " + file + ":1: no timestamp column in header [when, close]")
                .doesNotContain("\tat ").doesNotContain("\n");
    }

    @Test
    void shouldSayThatADirectoryGivenAsDataIsADirectory() {
        int exit = backtest("--data", dir.toString(), "--out", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("backtest: " + dir + " is a directory, not a tick file");
    }

    @Test
    void shouldEndInOneLineNamingAGzipFileThatIsCutShort() throws IOException {
        byte[] whole = gzipped(Files.readString(csv(20_000)));
        Path cut = dir.resolve("bars.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path out = dir.resolve("out");

        int exit = backtest("--data", cut.toString(), "--out", out.toString(), "--no-progress");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip()).startsWith("backtest: " + cut + ":")
                .contains("Unexpected end of ZLIB input stream").endsWith("(the file ends early: is it truncated?)")
                .doesNotContain("\n");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void shouldReadAGzippedFileWhoseNameDoesNotEndInGz() throws IOException {
        Path file = dir.resolve("bars-gzipped.csv");
        Files.write(file, gzipped(Files.readString(csv(200))));
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--format", "csv", "--out", out.toString(), "--no-progress");

        assertThat(exit).isZero();
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("symbols").path("BTC-USD")
                .path("points").asLong()).isEqualTo(200);
    }

    private static byte[] gzipped(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldRefuseAnOutThatIsAFileBeforeRunning() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        int exit = backtest("--data", csv(1500).toString(), "--out", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .as("one line, and no progress bar: nothing ran")
                .isEqualTo("backtest: --out " + file + " is a file, not a directory" + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void shouldRefuseAnOutUnderAFileBeforeRunning() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        int exit = backtest("--data", csv(1500).toString(), "--out", file.resolve("sub").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("backtest: --out " + file.resolve("sub")
                + ": " + file + " is a file, not a directory" + System.lineSeparator());
    }

    @Test
    void shouldFailAndAskWhetherTheFileIsNewestFirstWhenItsTicksRunBackwards() throws IOException {
        List<String> lines = Files.readAllLines(csv(600));
        List<String> rows = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(rows);
        Path file = Files.write(dir.resolve("newest-first.csv"), concat(lines.get(0), rows));
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--no-progress");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip()).isEqualTo("backtest: no report written: nothing"
                + " scored in " + file + ": 599 of 600 ticks were older than the latest before them by more than"
                + " tick.max.lateness (5s): is the file newest-first?");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void shouldSayWhenAnIdleRetentionShorterThanTheGapsStartsEveryPointOver() throws IOException {
        Path out = dir.resolve("out");

        int exit = backtest("--data", csv(100).toString(), "--out", out.toString(), "--no-progress",
                "--set", "symbols.idle.retention=30s");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip()).isEqualTo("backtest: no report written: nothing"
                + " scored in " + dir.resolve("bars.csv") + ": 99 of 100 points came after a silence longer than"
                + " symbols.idle.retention (30s) and started their symbol over, and a fresh model forecasts nothing"
                + " to score before its second point");
    }

    @Test
    void shouldStartASymbolOverAfterASilenceLongerThanTheIdleRetentionAndSaySo() throws IOException {
        List<String> lines = Files.readAllLines(csv(300));
        List<String> rows = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        rows.subList(100, 200).clear(); // 100 minutes without a bar
        Path file = Files.write(dir.resolve("gap.csv"), concat(lines.get(0), rows));
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--no-progress",
                "--set", "symbols.idle.retention=1h");

        assertThat(exit).isZero();
        JsonNode btc = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("symbols").path("BTC-USD");
        assertThat(btc.path("idle_restarts").asLong()).isEqualTo(1);
        assertThat(btc.path("scored").asLong()).as("all but the first point of each model").isEqualTo(198);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("started over once with a fresh model after a"
                + " silence longer than symbols.idle.retention (1h), as the service does");
        assertThat(Files.readString(out.resolve("report.html"))).contains("started over once");
    }

    @Test
    void shouldFailSayingSoWhenNoPointIsAtOrAfterTheScoreFromTime() throws IOException {
        Path out = dir.resolve("out");

        int exit = backtest("--data", csv(100).toString(), "--out", out.toString(), "--no-progress",
                "--score-from", "2025-02-01");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip()).isEqualTo("backtest: no report written: nothing"
                + " scored in " + dir.resolve("bars.csv") + ": no point at or after --score-from 2025-02-01T00:00:00Z"
                + " (the last is at 2025-01-07T01:40:00Z)");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void shouldFailSayingSoWhenNoTickIsBeforeTheScoreUntilTime() throws IOException {
        int exit = backtest("--data", csv(100).toString(), "--out", dir.resolve("out").toString(), "--no-progress",
                "--score-until", "2025-01-06");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip()).isEqualTo("backtest: no report written: nothing"
                + " to forecast in " + dir.resolve("bars.csv") + ": no tick before --score-until 2025-01-06T00:00:00Z"
                + " (the first is at 2025-01-07T00:01:00Z)");
    }

    @Test
    void shouldShowTheFirstTenSkippedRowsWithTheirLinesAsReplayAndDemoDoAndCountThemAll() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv(300)));
        for (int i = 0; i < 12; i++) {
            lines.set(10 + 20 * i, "01/07/2025 10:" + (10 + i) + ",1,1,1,50000,0.5");
        }
        Path file = Files.write(dir.resolve("some-bad.csv"), lines);
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shown.add("skipped " + file + ":" + (11 + 20 * i) + ": Text '01/07/2025 10:" + (10 + i)
                    + "' could not be parsed at index 0");
        }
        shown.add("(further skipped rows are only counted)");
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--no-progress");

        assertThat(exit).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(shown);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("12 rows skipped as not valid ticks (the first 10 shown)");
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("rows_skipped").asLong())
                .isEqualTo(12);
    }

    @Test
    void shouldFailGivingTheFirstReasonWhenEveryRowIsSkipped() throws IOException {
        Path file = Files.writeString(dir.resolve("us-dates.csv"), "timestamp,close\n01/07/2025 10:00,50000\n"
                + "01/07/2025 10:01,50001\n01/07/2025 10:02,50002\n");
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--no-progress");

        assertThat(exit).isEqualTo(1);
        List<String> err = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(err).hasSize(4).first().isEqualTo("skipped " + file
                + ":2: Text '01/07/2025 10:00' could not be parsed at index 0");
        assertThat(err.get(3)).isEqualTo("backtest: no report written: nothing to forecast in " + file + ": all 3 rows"
                + " were skipped as not valid ticks, the first as " + file + ":2: Text '01/07/2025 10:00' could not be"
                + " parsed at index 0");
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @Test
    void shouldWriteNullFiguresForASymbolWithNothingScoredAmongOthers() throws IOException {
        StringBuilder text = new StringBuilder();
        double[] a = prices(300, 42L);
        for (int i = 0; i < 300; i++) {
            text.append(String.format(Locale.ROOT, "{\"symbol\":\"BTC-USD\",\"ts\":%d,\"price\":%.2f}%n",
                    1_736_208_060_000L + 1000L * i, a[i]));
        }
        text.append("{\"symbol\":\"ETH-USD\",\"ts\":1736208060000,\"price\":3300.5}\n");
        Path file = Files.writeString(dir.resolve("ticks.jsonl"), text);
        Path out = dir.resolve("out");

        int exit = backtest("--data", file.toString(), "--out", out.toString(), "--no-progress");

        assertThat(exit).isZero();
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).as("JSON has no NaN").doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode eth = new ObjectMapper().readTree(json).path("symbols").path("ETH-USD");
        assertThat(eth.path("points").asLong()).isEqualTo(1);
        assertThat(eth.path("scored").asLong()).isZero();
        for (String field : List.of("first_scored_ts", "last_scored_ts", "rmse", "mae", "mape", "naive_rmse",
                "ar1_rmse", "skill", "skill_vs_ar1", "directional_accuracy", "interval_coverage", "mean_blend_weight")) {
            assertThat(eth.path(field).isNull()).as(field).isTrue();
        }
        assertThat(eth.path("dm_vs_naive").path("p_value").isNull()).isTrue();
        assertThat(new ObjectMapper().readTree(json).path("symbols").path("BTC-USD").path("rmse").asDouble())
                .isPositive();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).containsPattern("ETH-USD +points +1 scored +0 +nothing"
                + " scored");
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("1970-01-01");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** {@code n} trades 20 s apart, every third of them stamped 45 s early; a header line first. */
    private static String tradesEveryThirdLate(int n, long seed) {
        StringBuilder text = new StringBuilder("timestamp,price,amount\n");
        double[] p = prices(n, seed);
        for (int i = 0; i < n; i++) {
            long ms = 1_736_208_000_000L + 20_000L * i + (i % 3 == 2 ? -45_000 : 0);
            text.append(String.format(Locale.ROOT, "%d,%.2f,0.1%n", ms, p[i]));
        }
        return text.toString();
    }
}
