package io.tickcast.backtest;

import io.tickcast.pipeline.DriftEvent;
import java.util.List;

/**
 * The scored points of one symbol, thinned for drawing.
 *
 * @param symbol          the instrument
 * @param ts              event times, epoch ms
 * @param price           realised prices
 * @param predicted       the forecasts of those prices (made one point earlier)
 * @param lower           interval lower bounds ({@code NaN} where none)
 * @param upper           interval upper bounds ({@code NaN} where none)
 * @param rollingRmse     the model's sliding-window RMSE
 * @param rollingNaiveRmse the naive forecast's sliding-window RMSE
 * @param events          the drift events (STARTED only) in the scored range
 */
public record ChartSeries(String symbol, long[] ts, double[] price, double[] predicted, double[] lower, double[] upper,
                          double[] rollingRmse, double[] rollingNaiveRmse, List<DriftEvent> events) {
}
