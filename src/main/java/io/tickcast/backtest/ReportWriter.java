package io.tickcast.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.DriftSignal;
import io.tickcast.quality.DieboldMariano;
import io.tickcast.stream.NonFiniteAsNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a backtest's {@code report.json} and a self-contained {@code report.html} (inline SVG, no script,
 * no external resource: it opens offline). A figure that does not exist ({@code NaN}: an RMSE with no point scored, a
 * p-value under two points) is null in {@code report.json}, JSON having no NaN, and a dash in {@code report.html}.
 */
public final class ReportWriter {
    /** Name of the JSON report in the output directory. */
    public static final String JSON_FILE = "report.json";
    /** Name of the HTML report in the output directory. */
    public static final String HTML_FILE = "report.html";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(NonFiniteAsNull.module());

    private ReportWriter() {
    }

    /**
     * Writes both reports into {@code dir}, creating it if needed.
     *
     * @return the path of report.html
     */
    public static Path write(BacktestResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("data", result.data());
        root.put("rows_skipped", result.rowsSkipped());
        root.put("elapsed_ms", result.elapsedMs());
        root.put("bar_interval", result.barInterval().isZero() ? null : result.barInterval().toString());
        root.put("bar_grace", result.barInterval().isZero() ? null : result.barGrace().toString());
        ObjectNode symbols = root.putObject("symbols");
        for (SymbolSummary s : result.summaries()) {
            symbols.set(s.symbol(), JSON.valueToTree(s));
        }
        JSON.writeValue(dir.resolve(JSON_FILE).toFile(), root);
        Path html = dir.resolve(HTML_FILE);
        Files.writeString(html, html(result), StandardCharsets.UTF_8);
        return html;
    }

    static String html(BacktestResult result) {
        StringBuilder page = new StringBuilder(1 << 16);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>tickcast backtest</title>")
                .append("<style>body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right}th{background:#f4f4f4}svg{width:100%;height:auto;")
                .append("border:1px solid #ddd;margin:6px 0}</style></head><body>")
                .append("<h1>tickcast backtest</h1><p>Data: <code>").append(Html.escape(result.data()))
                .append("</code>; ").append(result.rowsSkipped()).append(" rows skipped; ")
                .append(result.elapsedMs()).append(" ms; ").append(result.barInterval().isZero() ? "every tick a point"
                        : "points are the closes of " + result.barInterval() + " bars (grace " + result.barGrace()
                        + ")")
                .append(".</p>");
        for (int i = 0; i < result.summaries().size(); i++) {
            symbolSection(page, result, i);
        }
        return page.append("</body></html>\n").toString();
    }

    private static void symbolSection(StringBuilder page, BacktestResult result, int i) {
        SymbolSummary s = result.summaries().get(i);
        ChartSeries c = result.charts().get(i);
        ChartSeries d = result.details().get(i);
        page.append("<h2>").append(Html.escape(s.symbol())).append("</h2>")
                .append("<p>").append(s.scored()).append(" points scored of ").append(s.points())
                .append(result.barInterval().isZero() ? "" : " bars (" + s.ticks() + " ticks, " + s.lateTicks()
                        + " dropped as late)")
                .append(s.duplicateTicks() + s.outOfOrderTicks() == 0 ? "" : "; " + s.duplicateTicks()
                        + " duplicate and " + s.outOfOrderTicks() + " out-of-order ticks rejected")
                .append(s.idleRestarts() == 0 ? "" : "; started over " + s.idleRestartsText()
                        + " after a silence longer than symbols.idle.retention")
                .append(s.scored() == 0 ? "" : ", from " + Instant.ofEpochMilli(s.firstScoredTs()) + " to "
                        + Instant.ofEpochMilli(s.lastScoredTs()))
                .append("; model version ").append(s.modelVersion()).append("; ")
                .append(String.format(Locale.ROOT, "%.0f", s.pointsPerSecond())).append(" points/s.</p>")
                .append("<table><tr><th>forecast</th><th>RMSE</th><th>MAE</th></tr>")
                .append(row("tickcast (emitted)", s.rmse(), s.mae()))
                .append(row("raw model (unblended)", s.modelRmse(), Double.NaN))
                .append(row("naive (last price)", s.naiveRmse(), s.naiveMae()))
                .append(row("EWMA", s.ewmaRmse(), Double.NaN))
                .append(row("AR(1)-RLS of changes", s.ar1Rmse(), Double.NaN))
                .append("</table><table><tr><th>skill vs naive (Diebold-Mariano p)</th>")
                .append("<th>skill vs AR(1) (Diebold-Mariano p)</th><th>directional accuracy</th>")
                .append("<th>interval coverage (nominal ").append(pct(s.intervalLevel())).append(")</th>")
                .append("<th>mean blend weight</th><th>drift events</th></tr><tr><td>").append(pct(s.skill()))
                .append(pValue(s.dmVsNaive())).append("</td><td>").append(pct(s.skillVsAr1()))
                .append(pValue(s.dmVsAr1())).append("</td><td>").append(pct(s.directionalAccuracy()))
                .append("</td><td>").append(pct(s.intervalCoverage())).append("</td><td>")
                .append(num(s.meanBlendWeight())).append("</td><td>").append(s.driftEventCount())
                .append("</td></tr></table>");
        page.append("<p>Drift events by detector/signal/phase: ");
        result.eventCounts().get(i).forEach((k, v) -> page.append("<code>").append(Html.escape(k)).append("</code> ")
                .append(v).append("; "));
        page.append("</p>");
        page.append("<h3>Price, prediction and interval</h3>").append(prices(c).render(s.symbol() + " price"))
                .append("<h3>Rolling error against the naive forecast</h3>")
                .append(errors(c).render(s.symbol() + " rolling RMSE"))
                .append("<h3>The last ").append(d.ts().length).append(" points, not thinned</h3>")
                .append(prices(d).render(s.symbol() + " last points"))
                .append("<p>Dashed lines: drift STARTED of ")
                .append(Html.escape("any".equals(result.markerDetector()) ? "any detector" : result.markerDetector()))
                .append(" (the drift response's trigger; purple: residuals, orange: input returns).</p>");
    }

    private static SvgChart prices(ChartSeries c) {
        return markers(new SvgChart(c.ts()).band("prediction interval", c.lower(), c.upper())
                .line("price", "#222", c.price()).line("prediction", "#d62728", c.predicted()), c);
    }

    private static SvgChart errors(ChartSeries c) {
        return markers(new SvgChart(c.ts()).line("rolling RMSE tickcast", "#d62728", c.rollingRmse())
                .line("rolling RMSE naive", "#555", c.rollingNaiveRmse()), c);
    }

    private static SvgChart markers(SvgChart chart, ChartSeries c) {
        for (DriftEvent e : c.events()) {
            String color = e.signal() == DriftSignal.RESIDUAL ? "#9467bd" : "#ff7f0e";
            chart.marker(e.ts(), color, e.detector() + " on " + e.signal().label() + " at " + Instant.ofEpochMilli(e.ts()));
        }
        return chart;
    }

    private static String row(String name, double rmse, double mae) {
        return "<tr><td style=\"text-align:left\">" + Html.escape(name) + "</td><td>" + num(rmse) + "</td><td>"
                + num(mae) + "</td></tr>";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "–";
    }

    private static String pValue(DieboldMariano.Result test) {
        return " (" + test.pValueText() + ")";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "–";
    }
}
