package io.tickcast.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickcast.quality.ErrorFigures;
import java.util.List;

/**
 * The quality figures after scoring one point, the value of the {@code drift-metrics} topic. Errors are in
 * the unit of the price, MAPE in percent; skills are {@code 1 − RMSE/RMSE_baseline} (positive: better than
 * the baseline). Fading figures use the fading factor, window figures the last {@code quality.window}
 * points.
 *
 * @param symbol                    the instrument
 * @param ts                        event time of the point just scored, epoch ms
 * @param scored                    number of points scored so far
 * @param price                     the realised price
 * @param predictedPrice            the forecast made at the previous point
 * @param absError                  |price − predictedPrice|
 * @param naiveAbsError             absolute error of the naive forecast (the previous price)
 * @param ewmaAbsError              absolute error of the EWMA baseline
 * @param ar1AbsError               absolute error of the AR(1)-RLS baseline
 * @param fading                    the model's fading MAE, RMSE, MAPE
 * @param window                    the model's sliding-window MAE, RMSE, MAPE
 * @param naiveFading               the naive forecast's fading figures
 * @param naiveWindow               the naive forecast's window figures
 * @param ewmaFadingRmse            the EWMA baseline's fading RMSE
 * @param ar1FadingRmse             the AR(1)-RLS baseline's fading RMSE
 * @param skill                     fading skill against the naive forecast
 * @param windowSkill               window skill against the naive forecast
 * @param skillVsEwma               fading skill against the EWMA baseline
 * @param skillVsAr1                fading skill against the AR(1)-RLS baseline
 * @param directionalHit            1 when the forecast moved the way the price did, 0 when not, 0.5 when it
 *                                  predicted no move; {@code null} when the price did not move
 * @param directionalAccuracy       fading mean of the directional hits; {@code null} before the first move
 * @param windowDirectionalAccuracy window mean of the directional hits; {@code null} before the first move
 * @param covered                   whether the interval covered the price; {@code null} without interval
 * @param intervalCoverage          fading coverage of the intervals; {@code null} before the first interval
 * @param windowIntervalCoverage    window coverage of the intervals; {@code null} before the first interval
 * @param blendWeight               the blend weight the scored forecast was made with
 * @param detectors                 the detectors' statistics
 */
public record QualityReport(@JsonProperty("symbol") String symbol,
                            @JsonProperty("ts") long ts,
                            @JsonProperty("scored") long scored,
                            @JsonProperty("price") double price,
                            @JsonProperty("predicted_price") double predictedPrice,
                            @JsonProperty("abs_error") double absError,
                            @JsonProperty("naive_abs_error") double naiveAbsError,
                            @JsonProperty("ewma_abs_error") double ewmaAbsError,
                            @JsonProperty("ar1_abs_error") double ar1AbsError,
                            @JsonProperty("fading") ErrorFigures fading,
                            @JsonProperty("window") ErrorFigures window,
                            @JsonProperty("naive_fading") ErrorFigures naiveFading,
                            @JsonProperty("naive_window") ErrorFigures naiveWindow,
                            @JsonProperty("ewma_fading_rmse") double ewmaFadingRmse,
                            @JsonProperty("ar1_fading_rmse") double ar1FadingRmse,
                            @JsonProperty("skill") double skill,
                            @JsonProperty("window_skill") double windowSkill,
                            @JsonProperty("skill_vs_ewma") double skillVsEwma,
                            @JsonProperty("skill_vs_ar1") double skillVsAr1,
                            @JsonProperty("directional_hit") Double directionalHit,
                            @JsonProperty("directional_accuracy") Double directionalAccuracy,
                            @JsonProperty("window_directional_accuracy") Double windowDirectionalAccuracy,
                            @JsonProperty("covered") Boolean covered,
                            @JsonProperty("interval_coverage") Double intervalCoverage,
                            @JsonProperty("window_interval_coverage") Double windowIntervalCoverage,
                            @JsonProperty("blend_weight") double blendWeight,
                            @JsonProperty("detectors") List<DetectorStatus> detectors) {

    public QualityReport {
        detectors = List.copyOf(detectors);
    }
}
