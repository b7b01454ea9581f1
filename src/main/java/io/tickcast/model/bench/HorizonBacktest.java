package io.tickcast.model.bench;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Forecast quality of a spec on a real price series, online: the features of minute t are the last five log
 * returns scaled by a causal EWMA volatility, the target is the next scaled return, every point is scored
 * before the model learns from it. Used to choose the back-propagation horizon k; a tool, not a test.
 */
public final class HorizonBacktest {

    /** Number of features: the last five scaled returns. */
    public static final int FEATURES = 5;
    private static final double VOL_DECAY = 0.99;

    private HorizonBacktest() {
    }

    /**
     * The result of one backtest.
     *
     * @param rmse        root mean squared error of the scaled-return forecast after the burn-in
     * @param zeroRmse    the same for the forecast "next return = 0"
     * @param seconds     wall time of the run
     */
    public record Result(ForecasterSpec spec, int points, double rmse, double zeroRmse, double seconds) {

        /** @return rmse / zeroRmse: below 1 beats the zero forecast */
        public double relative() {
            return rmse / zeroRmse;
        }
    }

    /** @return the close column of a {@code timestamp,open,high,low,close,volume} CSV with a header */
    public static double[] readCloses(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            double[] closes = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                closes[i - 1] = Double.parseDouble(lines.get(i).split(",")[4]);
            }
            return closes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return scaled log returns: r_t / sigma_{t-1}, sigma an EWMA of r^2 known before t */
    public static float[] scaledReturns(double[] closes) {
        float[] scaled = new float[closes.length - 1];
        double variance = 0;
        int seen = 0;
        for (int t = 1; t < closes.length; t++) {
            double r = Math.log(closes[t] / closes[t - 1]);
            double sigma = seen < 30 ? 1e-3 : Math.sqrt(variance);
            scaled[t - 1] = (float) Math.max(-10, Math.min(10, r / Math.max(sigma, 1e-6)));
            variance = seen == 0 ? r * r : VOL_DECAY * variance + (1 - VOL_DECAY) * r * r;
            seen++;
        }
        return scaled;
    }

    /** Runs the spec over the series; points before {@code burnIn} are learned from but not scored. */
    public static Result run(float[] scaled, ForecasterSpec spec, int burnIn) {
        long start = System.nanoTime();
        double se = 0;
        double zero = 0;
        int scored = 0;
        float[] x = new float[FEATURES];
        try (OnlineForecaster f = Forecasters.create(spec)) {
            float pending = Float.NaN;
            for (int t = FEATURES - 1; t < scaled.length; t++) {
                float realised = t == FEATURES - 1 ? Float.NaN : scaled[t];
                if (t >= burnIn && !Float.isNaN(pending)) {
                    se += (realised - pending) * (double) (realised - pending);
                    zero += realised * (double) realised;
                    scored++;
                }
                for (int j = 0; j < FEATURES; j++) {
                    x[j] = scaled[t - j];
                }
                pending = f.observe(x, realised);
            }
        }
        return new Result(spec, scored, Math.sqrt(se / scored), Math.sqrt(zero / scored),
                (System.nanoTime() - start) / 1e9);
    }
}
