package io.tickcast.backtest;

import io.tickcast.pipeline.DetectorSettings;
import io.tickcast.quality.Adwin;
import io.tickcast.quality.DriftDetector;
import io.tickcast.quality.Kswin;
import io.tickcast.quality.PageHinkley;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The drift harness: runs each detector, with the pipeline's default parameters, over the synthetic
 * {@link DriftScenario}s for a fixed list of seeds, and measures detection delay, false alarms per 10,000
 * points and missed changes. Each stream is fed as is (like the input signal, scaled returns) and as
 * absolute values (like the residual signal, |error| / scale).
 *
 * <p>The {@link #MAX_DELAY} points after a change point are its detection window (cut short by the next change
 * point; in {@link DriftScenario#TREND_BREAK} the mean keeps moving until the next change point, so a sloped
 * segment's window lasts to its end). The first detection inside a window gives the change point's delay;
 * further detections inside it count neither as delays nor as false alarms; a detection outside every window
 * is a false alarm.
 *
 * <p>A detector that fires often catches a window by chance: one that ignores its input and fires with
 * probability p per point has a median delay of ln 2 / −ln(1 − p) ≈ ln 2 / p ({@link Result#chanceMedianDelay()},
 * 256 points at KSWIN's 27 false alarms per 10,000) and misses a 2,000-point window with probability
 * (1 − p)^2000 (e^−5.4 at that rate). A detection count means something only beside the false-alarm rate; a
 * median delay well below the chance one does.
 *
 * <p>{@code main(path)} writes the Markdown table into the {@code harness} section of docs/DRIFT.md.
 */
public final class DriftHarness {
    /** Detections later than this after a change point do not count for it. */
    public static final int MAX_DELAY = 2_000;

    /** How a stream is presented to the detector. */
    public enum Transform {
        /** The values as they are (the input signal). */
        VALUE,
        /** Their absolute values (the residual signal). */
        ABSOLUTE
    }

    /**
     * The figures of one detector on one scenario and transform, over all seeds.
     *
     * @param detector          detector name
     * @param scenario          the stream
     * @param transform         how it was fed
     * @param changes           change points over all seeds
     * @param detected          change points detected within {@link #MAX_DELAY}
     * @param meanDelay         mean delay of the detected ones, points ({@code NaN} if none)
     * @param medianDelay       median delay, points ({@code NaN} if none)
     * @param falseAlarms       detections outside the detection windows (repeat detections inside a window
     *                          are not counted at all)
     * @param falseAlarmsPer10k false alarms per 10,000 points outside the detection windows
     */
    public record Result(String detector, DriftScenario scenario, Transform transform, int changes, int detected,
                         double meanDelay, double medianDelay, int falseAlarms, double falseAlarmsPer10k) {

        /** @return change points not detected within {@link #MAX_DELAY} */
        public int missed() {
            return changes - detected;
        }

        /**
         * @return the median delay of a detector that ignores its input and fires at this result's false-alarm
         *         rate p per point, ln 2 / −ln(1 − p), points ({@code +∞} without false alarms)
         */
        public double chanceMedianDelay() {
            double p = falseAlarmsPer10k / 10_000;
            return p == 0 ? Double.POSITIVE_INFINITY : Math.log(2) / -Math.log1p(-p);
        }
    }

    private DriftHarness() {
    }

    /** @return detector factories with the pipeline's default parameters, keyed by seed */
    public static List<LongFunction<DriftDetector>> defaultDetectors() {
        DetectorSettings d = DetectorSettings.defaults();
        return List.of(
                seed -> new PageHinkley(d.phDelta(), d.phLambda(), d.phAlpha(), d.phMinPoints()),
                seed -> new Adwin(d.adwinDelta()),
                seed -> new Kswin(d.kswinAlpha(), d.kswinWindow(), d.kswinStatSize(), seed));
    }

    /** Runs one detector over one scenario and transform for the given seeds. */
    public static Result evaluate(LongFunction<DriftDetector> detectorFactory, DriftScenario scenario,
                                  Transform transform, long[] seeds) {
        List<Integer> delays = new ArrayList<>();
        int changes = 0;
        int falseAlarms = 0;
        long quietPoints = 0;
        String name = null;
        for (long seed : seeds) {
            DriftDetector detector = detectorFactory.apply(seed);
            name = detector.name();
            double[] stream = scenario.generate(seed);
            List<Integer> cps = scenario.changePoints();
            changes += cps.size();
            int[] firstDetection = new int[cps.size()];
            java.util.Arrays.fill(firstDetection, -1);
            for (int t = 0; t < stream.length; t++) {
                double v = transform == Transform.ABSOLUTE ? Math.abs(stream[t]) : stream[t];
                int window = windowOf(scenario, cps, t);
                if (window < 0) {
                    quietPoints++;
                }
                if (!detector.update(v)) {
                    continue;
                }
                if (window < 0) {
                    falseAlarms++;
                } else if (firstDetection[window] < 0) {
                    firstDetection[window] = t - cps.get(window);
                }
            }
            for (int d : firstDetection) {
                if (d >= 0) {
                    delays.add(d);
                }
            }
        }
        delays.sort(null);
        double mean = delays.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
        double median = delays.isEmpty() ? Double.NaN : delays.get(delays.size() / 2);
        double rate = quietPoints == 0 ? 0 : 10_000.0 * falseAlarms / quietPoints;
        return new Result(name, scenario, transform, changes, delays.size(), mean, median, falseAlarms, rate);
    }

    private static int windowOf(DriftScenario scenario, List<Integer> cps, int t) {
        for (int i = 0; i < cps.size(); i++) {
            int end = cps.get(i) + MAX_DELAY;
            if (i + 1 < cps.size()) {
                end = scenario == DriftScenario.TREND_BREAK ? cps.get(i + 1) : Math.min(end, cps.get(i + 1));
            }
            if (t >= cps.get(i) && t < end) {
                return i;
            }
        }
        return -1;
    }

    /** @return every detector × scenario × transform */
    public static List<Result> evaluateAll(long[] seeds) {
        List<Result> results = new ArrayList<>();
        for (Transform transform : Transform.values()) {
            for (DriftScenario scenario : DriftScenario.values()) {
                for (LongFunction<DriftDetector> detector : defaultDetectors()) {
                    results.add(evaluate(detector, scenario, transform, seeds));
                }
            }
        }
        return results;
    }

    /** @return the Markdown table of {@code results} */
    public static String markdown(List<Result> results, long[] seeds) {
        StringBuilder md = new StringBuilder();
        md.append("| signal | scenario | detector | changes | detected | missed | mean delay | median delay "
                + "| false alarms | false alarms / 10k points | median delay by chance |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %s | %s | %d | %.2f | %s |%n",
                    r.transform() == Transform.VALUE ? "value (input)" : "absolute (residual)",
                    r.scenario().name().toLowerCase(Locale.ROOT), r.detector(), r.changes(), r.detected(),
                    r.missed(), fmt(r.meanDelay()), fmt(r.medianDelay()), r.falseAlarms(), r.falseAlarmsPer10k(),
                    r.changes() == 0 ? "–" : fmt(r.chanceMedianDelay())));
        }
        md.append(String.format(Locale.ROOT, "%nSeeds %s; %,d points per stream; change points at %s; a detection "
                + "counts within %,d points after a change point; median delay by chance: that of a detector "
                + "ignoring its input and firing at the false-alarm rate, ln 2 / −ln(1 − rate per point).%n",
                java.util.Arrays.toString(seeds), DriftScenario.LENGTH, DriftScenario.CHANGE_POINTS, MAX_DELAY));
        return md.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.0f", v);
    }

    /** The seeds of the published table. */
    public static long[] publishedSeeds() {
        return new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    }

    /**
     * Writes the harness table.
     *
     * @param args the Markdown file, e.g. {@code docs/DRIFT.md}
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DriftHarness DRIFT.md");
        }
        long[] seeds = publishedSeeds();
        MarkdownSection.write(Path.of(args[0]), "harness", markdown(evaluateAll(seeds), seeds));
    }
}
