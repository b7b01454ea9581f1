package io.tickcast.backtest;

import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.DriftPhase;
import io.tickcast.pipeline.DriftResponse;
import io.tickcast.pipeline.ForecasterFactory;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.pipeline.SymbolPipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Evidence for the default drift response: synthetic price paths whose return dynamics change (concept
 * drift) or do not, run through the real {@link SymbolPipeline} and forecaster once per response. Reports the
 * emitted forecast's and the raw model's RMSE skill against the naive forecast, overall and over the
 * {@link #AFTER} points following each change.
 *
 * <p>{@code main(path)} writes the Markdown table into the {@code responses} section of docs/DRIFT.md.
 */
public final class ResponseEvaluation {
    /** Points per path. */
    public static final int LENGTH = 12_000;
    /** Where the drifting paths change. */
    public static final int[] CHANGES = {4_000, 8_000};
    /** Points after a change over which adaptation is measured. */
    public static final int AFTER = 1_000;

    /** The synthetic paths. */
    public enum Path2 {
        /** AR(1) log-returns, φ = −0.3, σ = 0.1% throughout. */
        STABLE,
        /** AR(1) log-returns whose φ flips +0.4, −0.4, +0.4 at the changes; σ triples at the second. */
        FLIPS
    }

    /**
     * One row.
     *
     * @param path       the synthetic path
     * @param response   the drift response
     * @param skill      emitted forecast's skill over all scored points
     * @param modelSkill raw model's skill over all scored points
     * @param afterSkill raw model's skill over the points after the changes (all points for STABLE)
     * @param triggers   STARTED events of the triggering detector and signal
     */
    public record Row(Path2 path, DriftResponse response, double skill, double modelSkill, double afterSkill,
                      int triggers) {
    }

    private ResponseEvaluation() {
    }

    /** @return the points of {@code path} for {@code seed} */
    public static List<Point> points(Path2 path, long seed) {
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(LENGTH);
        double logPrice = Math.log(40_000);
        double r = 0;
        for (int t = 0; t < LENGTH; t++) {
            double phi = -0.3;
            double sigma = 0.001;
            if (path == Path2.FLIPS) {
                phi = t < CHANGES[0] || t >= CHANGES[1] ? 0.4 : -0.4;
                sigma = t >= CHANGES[1] ? 0.003 : 0.001;
            }
            r = phi * r + sigma * Math.sqrt(1 - phi * phi) * random.nextGaussian();
            logPrice += r;
            points.add(new Point("SYN", 1_700_000_000_000L + 60_000L * t, Math.exp(logPrice), 1.0, 0));
        }
        return points;
    }

    /** Runs one path with one response. */
    public static Row run(Path2 path, DriftResponse response, long[] seeds, PipelineSettings base,
                          ForecasterFactory factory) {
        PipelineSettings settings = base.withResponse(base.response().withKind(response));
        double[] sums = new double[6];
        int triggers = 0;
        for (long seed : seeds) {
            Prediction2 previous = null;
            try (SymbolPipeline pipeline = SymbolPipeline.create("SYN", settings, factory)) {
                int t = 0;
                for (Point p : points(path, seed)) {
                    PointOutcome o = pipeline.process(p);
                    QualityReport q = o.quality();
                    if (q != null) {
                        boolean after = path == Path2.STABLE || isAfterChange(t);
                        double model = p.price() - previous.modelPrice();
                        add(sums, q.absError(), q.naiveAbsError(), model, after);
                    }
                    for (DriftEvent e : o.driftEvents()) {
                        if (e.phase() == DriftPhase.STARTED && settings.response().triggeredBy(e.detector(), e.signal())) {
                            triggers++;
                        }
                    }
                    previous = new Prediction2(o.prediction().modelPredictedPrice());
                    t++;
                }
            }
        }
        return new Row(path, response, 1 - Math.sqrt(sums[0] / sums[1]), 1 - Math.sqrt(sums[2] / sums[1]),
                1 - Math.sqrt(sums[3] / sums[4]), triggers);
    }

    private record Prediction2(double modelPrice) {
    }

    private static boolean isAfterChange(int t) {
        for (int c : CHANGES) {
            if (t >= c && t < c + AFTER) {
                return true;
            }
        }
        return false;
    }

    private static void add(double[] sums, double error, double naiveError, double modelError, boolean after) {
        sums[0] += error * error;
        sums[1] += naiveError * naiveError;
        sums[2] += modelError * modelError;
        if (after) {
            sums[3] += modelError * modelError;
            sums[4] += naiveError * naiveError;
        }
    }

    /** @return the Markdown table of {@code rows} */
    public static String markdown(List<Row> rows, long[] seeds) {
        StringBuilder md = new StringBuilder("| path | response | skill (emitted) | skill (raw model) | "
                + "raw model skill after changes | triggers |\n|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %+.2f%% | %+.2f%% | %+.2f%% | %d |%n",
                    r.path().name().toLowerCase(Locale.ROOT), r.response().name().toLowerCase(Locale.ROOT),
                    100 * r.skill(), 100 * r.modelSkill(), 100 * r.afterSkill(), r.triggers()));
        }
        md.append(String.format(Locale.ROOT, "%nSeeds %s; %,d points per path; changes at %s; \"after changes\": "
                        + "the %,d points after each change (all points on the stable path).%n",
                java.util.Arrays.toString(seeds), LENGTH, java.util.Arrays.toString(CHANGES), AFTER));
        return md.toString();
    }

    /**
     * Writes the table with the default settings and forecaster.
     *
     * @param args the output file
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ResponseEvaluation OUTPUT.md");
        }
        long[] seeds = {1, 2};
        List<Row> rows = new ArrayList<>();
        for (Path2 path : Path2.values()) {
            for (DriftResponse response : DriftResponse.values()) {
                rows.add(run(path, response, seeds, PipelineSettings.defaults(), ForecasterFactory.standard()));
            }
        }
        MarkdownSection.write(java.nio.file.Path.of(args[0]), "responses", markdown(rows, seeds));
    }
}
