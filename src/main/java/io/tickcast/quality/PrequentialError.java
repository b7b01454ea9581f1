package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Prequential (test-then-train) MAE, RMSE and MAPE of one forecaster, both with a fading factor and over
 * a sliding window of the last points. Not thread-safe.
 */
public final class PrequentialError implements StateCodec {
    private final FadingMean fadingAbs;
    private final FadingMean fadingSquared;
    private final FadingMean fadingPercent;
    private final SlidingWindowMean windowAbs;
    private final SlidingWindowMean windowSquared;
    private final SlidingWindowMean windowPercent;

    /**
     * @param fadingFactor λ of the fading figures, in (0, 1]
     * @param window       number of points of the sliding-window figures
     */
    public PrequentialError(double fadingFactor, int window) {
        fadingAbs = new FadingMean(fadingFactor);
        fadingSquared = new FadingMean(fadingFactor);
        fadingPercent = new FadingMean(fadingFactor);
        windowAbs = new SlidingWindowMean(window);
        windowSquared = new SlidingWindowMean(window);
        windowPercent = new SlidingWindowMean(window);
    }

    /**
     * Scores one forecast.
     *
     * @param actual    the realised value; a zero has no percentage error and is left out of the MAPE
     * @param predicted the forecast made before {@code actual} was known
     * @return the absolute error
     */
    public double add(double actual, double predicted) {
        double error = actual - predicted;
        double abs = Math.abs(error);
        fadingAbs.add(abs);
        fadingSquared.add(error * error);
        windowAbs.add(abs);
        windowSquared.add(error * error);
        if (actual != 0) {
            double percent = 100 * abs / Math.abs(actual);
            fadingPercent.add(percent);
            windowPercent.add(percent);
        }
        return abs;
    }

    public ErrorFigures fading() {
        return new ErrorFigures(fadingAbs.mean(), Math.sqrt(fadingSquared.mean()), fadingPercent.mean());
    }

    public ErrorFigures window() {
        return new ErrorFigures(windowAbs.mean(), Math.sqrt(windowSquared.mean()), windowPercent.mean());
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        for (StateCodec part : parts()) {
            part.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        for (StateCodec part : parts()) {
            part.readState(in);
        }
    }

    private StateCodec[] parts() {
        return new StateCodec[] {fadingAbs, fadingSquared, fadingPercent, windowAbs, windowSquared, windowPercent};
    }
}
