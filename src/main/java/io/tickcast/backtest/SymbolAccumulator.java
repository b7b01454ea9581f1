package io.tickcast.backtest;

import io.tickcast.pipeline.DriftEvent;
import io.tickcast.pipeline.DriftPhase;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.quality.DieboldMariano;
import io.tickcast.tick.RejectReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sums the per-point outcomes of one symbol over the scored range, from the pipeline's own reports. */
final class SymbolAccumulator {
    private static final int MAX_EVENTS = 10_000;
    private final String symbol;
    private final double intervalLevel;
    private final String markerDetector;
    private final List<DriftEvent> events = new ArrayList<>();
    private Prediction previous;
    private long ticks;
    private long duplicateTicks;
    private long outOfOrderTicks;
    private long points;
    private long scored;
    private long firstTs;
    private long lastTs;
    private double squares;
    private double absolutes;
    private double percents;
    private double modelSquares;
    private double naiveSquares;
    private double naiveAbsolutes;
    private double ewmaSquares;
    private double ar1Squares;
    private final DieboldMariano versusNaive = new DieboldMariano();
    private final DieboldMariano versusAr1 = new DieboldMariano();
    private double hits;
    private long moves;
    private long covered;
    private long intervals;
    private double blendWeights;
    private long eventCount;
    private long modelVersion;
    private long nanos;
    private int size;
    private long[] ts = new long[1024];
    private double[][] series = new double[6][1024];

    /**
     * @param symbol         the instrument
     * @param intervalLevel  the intervals' nominal level
     * @param markerDetector the detector whose STARTED events are drawn ({@code any}: all)
     */
    SymbolAccumulator(String symbol, double intervalLevel, String markerDetector) {
        this.symbol = symbol;
        this.intervalLevel = intervalLevel;
        this.markerDetector = markerDetector;
    }

    /** Counts one tick read for this symbol (a point, or a part of a bar). */
    void tick() {
        ticks++;
    }

    /** Counts a tick the guard rejected (it is counted as read by {@link #tick()} too). */
    void rejected(RejectReason reason) {
        if (reason == RejectReason.DUPLICATE) {
            duplicateTicks++;
        } else {
            outOfOrderTicks++;
        }
    }

    String symbol() {
        return symbol;
    }

    /** Adds one point's outcome; {@code scoring} says whether the point is in the scored range. */
    void add(PointOutcome outcome, double price, boolean scoring, long elapsedNanos) {
        points++;
        nanos += elapsedNanos;
        modelVersion = outcome.prediction().modelVersion();
        QualityReport q = outcome.quality();
        if (scoring && q != null) {
            score(q, price);
            for (DriftEvent e : outcome.driftEvents()) {
                eventCount++;
                if (events.size() < MAX_EVENTS) {
                    events.add(e);
                }
            }
        }
        previous = outcome.prediction();
    }

    private void score(QualityReport q, double price) {
        if (scored == 0) {
            firstTs = q.ts();
        }
        lastTs = q.ts();
        scored++;
        squares += q.absError() * q.absError();
        absolutes += q.absError();
        percents += 100 * q.absError() / price;
        double modelError = price - previous.modelPredictedPrice();
        modelSquares += modelError * modelError;
        naiveSquares += q.naiveAbsError() * q.naiveAbsError();
        naiveAbsolutes += q.naiveAbsError();
        ewmaSquares += q.ewmaAbsError() * q.ewmaAbsError();
        ar1Squares += q.ar1AbsError() * q.ar1AbsError();
        versusNaive.add(q.absError(), q.naiveAbsError());
        versusAr1.add(q.absError(), q.ar1AbsError());
        if (q.directionalHit() != null) {
            hits += q.directionalHit();
            moves++;
        }
        if (q.covered() != null) {
            intervals++;
            covered += q.covered() ? 1 : 0;
        }
        blendWeights += q.blendWeight();
        record(q, price);
    }

    private void record(QualityReport q, double price) {
        if (size == ts.length) {
            ts = Arrays.copyOf(ts, size * 2);
            for (int i = 0; i < series.length; i++) {
                series[i] = Arrays.copyOf(series[i], size * 2);
            }
        }
        ts[size] = q.ts();
        series[0][size] = price;
        series[1][size] = previous.predictedPrice();
        series[2][size] = finiteOrNaN(previous.lower());
        series[3][size] = finiteOrNaN(previous.upper());
        series[4][size] = q.window().rmse();
        series[5][size] = q.naiveWindow().rmse();
        size++;
    }

    /**
     * @param bars      whether the points are bars
     * @param lateTicks ticks dropped because their bar had closed
     * @param idleRestarts times the symbol started over after a silence longer than the idle retention
     * @return the figures; with no point scored, {@code NaN} ones (there are none) and null times
     */
    SymbolSummary summary(boolean bars, long lateTicks, long idleRestarts) {
        double n = scored == 0 ? Double.NaN : scored;
        double rmse = Math.sqrt(squares / n);
        double naiveRmse = Math.sqrt(naiveSquares / n);
        double ar1Rmse = Math.sqrt(ar1Squares / n);
        double seconds = nanos / 1e9;
        return new SymbolSummary(symbol, points, ticks, bars ? points : 0, lateTicks, duplicateTicks,
                outOfOrderTicks, idleRestarts, scored, scored == 0 ? null : firstTs, scored == 0 ? null : lastTs, rmse,
                absolutes / n, percents / n,
                Math.sqrt(modelSquares / n), naiveRmse, naiveAbsolutes / n, Math.sqrt(ewmaSquares / n), ar1Rmse,
                skill(rmse, naiveRmse), skill(rmse, ar1Rmse),
                versusNaive.result(), versusAr1.result(),
                moves == 0 ? Double.NaN : hits / moves, intervals == 0 ? Double.NaN : (double) covered / intervals,
                intervalLevel, blendWeights / n, modelVersion, seconds > 0 ? points / seconds : 0, eventCount,
                List.copyOf(events));
    }

    /** @return {@code 1 − rmse/baselineRmse}: 0 against a baseline without error, NaN without a point scored */
    private static double skill(double rmse, double baselineRmse) {
        if (Double.isNaN(baselineRmse)) {
            return Double.NaN;
        }
        return baselineRmse > 0 ? 1 - rmse / baselineRmse : 0;
    }

    /** @return the scored points thinned to at most {@code maxPoints} by an even stride */
    ChartSeries chart(int maxPoints) {
        int stride = Math.max(1, (size + maxPoints - 1) / maxPoints);
        return series(0, stride);
    }

    /** @return the last {@code points} scored points, not thinned */
    ChartSeries tail(int points) {
        return series(Math.max(0, size - points), 1);
    }

    private ChartSeries series(int from, int stride) {
        int n = (size - from + stride - 1) / stride;
        long[] t = new long[n];
        double[][] s = new double[series.length][n];
        for (int i = from, j = 0; i < size; i += stride, j++) {
            t[j] = ts[i];
            for (int k = 0; k < series.length; k++) {
                s[k][j] = series[k][i];
            }
        }
        long start = n == 0 ? Long.MAX_VALUE : t[0];
        List<DriftEvent> started = events.stream().filter(e -> e.phase() == DriftPhase.STARTED && e.ts() >= start
                && ("any".equals(markerDetector) || markerDetector.equals(e.detector()))).toList();
        return new ChartSeries(symbol, t, s[0], s[1], s[2], s[3], s[4], s[5], started);
    }

    /** @return the number of drift events in the scored range per "detector/signal/phase" */
    java.util.Map<String, Long> eventCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (DriftEvent e : events) {
            counts.merge(e.detector() + "/" + e.signal().label() + "/" + e.phase(), 1L, Long::sum);
        }
        return counts;
    }

    /** An unbounded interval (see {@code ConformalQuantile.quantile}) is not drawn. */
    private static double finiteOrNaN(Double bound) {
        return bound == null || !Double.isFinite(bound) ? Double.NaN : bound;
    }
}
