package io.tickcast.pipeline;

import io.tickcast.quality.Ar1RlsForecast;
import io.tickcast.quality.EwmaForecast;
import io.tickcast.quality.FadingMean;
import io.tickcast.quality.PrequentialError;
import io.tickcast.quality.SlidingWindowMean;
import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** The prequential figures of one symbol: the model, the naive, EWMA and AR(1)-RLS baselines, direction and coverage. */
final class QualityTracker implements StateCodec {
    private final PrequentialError model;
    private final PrequentialError naive;
    private final PrequentialError ewma;
    private final PrequentialError ar1;
    private final EwmaForecast ewmaForecast;
    private final Ar1RlsForecast ar1Forecast;
    private final FadingMean directionFading;
    private final SlidingWindowMean directionWindow;
    private final FadingMean coverageFading;
    private final SlidingWindowMean coverageWindow;
    private long scored;

    QualityTracker(QualitySettings settings) {
        double f = settings.fadingFactor();
        int w = settings.window();
        model = new PrequentialError(f, w);
        naive = new PrequentialError(f, w);
        ewma = new PrequentialError(f, w);
        ar1 = new PrequentialError(f, w);
        ewmaForecast = new EwmaForecast(settings.ewmaAlpha());
        ar1Forecast = new Ar1RlsForecast(settings.ar1Forgetting());
        directionFading = new FadingMean(f);
        directionWindow = new SlidingWindowMean(w);
        coverageFading = new FadingMean(f);
        coverageWindow = new SlidingWindowMean(w);
    }

    /** The per-point results of scoring one forecast. */
    record Scored(double price, double predicted, double absError, double naiveAbsError, double ewmaAbsError,
                  double ar1AbsError, Double directionalHit, Boolean covered) {
    }

    /** Scores the forecast made at the previous point against {@code price}, then updates the baselines. */
    Scored score(Prediction forecast, double price) {
        double abs = model.add(price, forecast.predictedPrice());
        double naiveAbs = naive.add(price, forecast.naivePrice());
        double ewmaAbs = ewma.add(price, ewmaForecast.forecast());
        double ar1Abs = ar1.add(price, ar1Forecast.forecast());
        Double hit = directionalHit(forecast, price);
        if (hit != null) {
            directionFading.add(hit);
            directionWindow.add(hit);
        }
        Boolean covered = forecast.covers(price);
        if (covered != null) {
            coverageFading.add(covered ? 1 : 0);
            coverageWindow.add(covered ? 1 : 0);
        }
        scored++;
        observe(price);
        return new Scored(price, forecast.predictedPrice(), abs, naiveAbs, ewmaAbs, ar1Abs, hit, covered);
    }

    /** Feeds the baselines a price that scores nothing (the first point). */
    void observe(double price) {
        ewmaForecast.observe(price);
        ar1Forecast.observe(price);
    }

    private static Double directionalHit(Prediction forecast, double price) {
        double actualMove = price - forecast.naivePrice();
        if (actualMove == 0) {
            return null;
        }
        double predictedMove = forecast.predictedPrice() - forecast.naivePrice();
        if (predictedMove == 0) {
            return 0.5;
        }
        return Math.signum(predictedMove) == Math.signum(actualMove) ? 1.0 : 0.0;
    }

    /** @return the AR(1)-RLS baseline's forecast of the next price, {@code NaN} before the first price */
    double ar1Forecast() {
        return ar1Forecast.forecast();
    }

    /** @return whether the model's fading RMSE is no worse than the naive forecast's */
    boolean healthy() {
        double rmse = model.fading().rmse();
        return scored > 0 && rmse <= naive.fading().rmse();
    }

    QualityReport report(String symbol, long ts, Scored s, double blendWeight, List<DetectorStatus> detectors) {
        double rmse = model.fading().rmse();
        return new QualityReport(symbol, ts, scored, s.price(), s.predicted(), s.absError(), s.naiveAbsError(),
                s.ewmaAbsError(), s.ar1AbsError(), model.fading(), model.window(), naive.fading(), naive.window(),
                ewma.fading().rmse(), ar1.fading().rmse(), skill(rmse, naive.fading().rmse()),
                skill(model.window().rmse(), naive.window().rmse()), skill(rmse, ewma.fading().rmse()),
                skill(rmse, ar1.fading().rmse()), s.directionalHit(), orNull(directionFading.mean()),
                orNull(directionWindow.mean()), s.covered(), orNull(coverageFading.mean()),
                orNull(coverageWindow.mean()), blendWeight, detectors);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double skill(double rmse, double baselineRmse) {
        return baselineRmse > 0 ? 1 - rmse / baselineRmse : 0;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        for (StateCodec part : parts()) {
            part.writeState(out);
        }
        out.writeLong(scored);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        for (StateCodec part : parts()) {
            part.readState(in);
        }
        scored = in.readLong();
    }

    private StateCodec[] parts() {
        return new StateCodec[] {model, naive, ewma, ar1, ewmaForecast, ar1Forecast, directionFading,
            directionWindow, coverageFading, coverageWindow};
    }
}
