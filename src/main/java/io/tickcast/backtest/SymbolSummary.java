package io.tickcast.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickcast.pipeline.DriftEvent;
import io.tickcast.quality.DieboldMariano;
import java.util.List;

/**
 * The figures of one symbol over the scored points of a backtest, the per-symbol entry of
 * {@code report.json}. RMSE and MAE in the unit of the price, MAPE in percent. With no point scored, the times are
 * null and the figures {@code NaN} (null in {@code report.json}).
 *
 * @param symbol              the instrument
 * @param points              points read for this symbol (learned from): ticks, or with bars the bars
 * @param ticks               ticks read for this symbol
 * @param bars                bars closed and forecast (the points), 0 when every tick is a point
 * @param lateTicks           ticks dropped because their bar had closed (bar end + grace passed), 0 without bars
 * @param duplicateTicks      ticks rejected as exact duplicates of the symbol's latest, as the service rejects them
 * @param outOfOrderTicks     ticks rejected as older than the symbol's latest by more than {@code tick.max.lateness}
 * @param idleRestarts        times the symbol started over with a fresh model after a silence longer than
 *                            {@code symbols.idle.retention}, as the service starts it over
 * @param scored              points scored (the figures are over these)
 * @param firstScoredTs       event time of the first scored point, epoch ms; null if none was scored
 * @param lastScoredTs        event time of the last scored point, epoch ms; null if none was scored
 * @param rmse                the emitted (blended) forecast's RMSE
 * @param mae                 its MAE
 * @param mape                its MAPE
 * @param modelRmse           the raw model's RMSE before blending
 * @param naiveRmse           the naive forecast's RMSE
 * @param naiveMae            the naive forecast's MAE
 * @param ewmaRmse            the EWMA baseline's RMSE
 * @param ar1Rmse             the AR(1)-RLS baseline's RMSE
 * @param skill               {@code 1 − rmse/naiveRmse}
 * @param skillVsAr1          {@code 1 − rmse/ar1Rmse}
 * @param dmVsNaive           the Diebold-Mariano test of the emitted forecast against the naive one (a negative
 *                            statistic: tickcast's squared errors were smaller)
 * @param dmVsAr1             the same against the AR(1)-RLS baseline
 * @param directionalAccuracy share of moves whose direction was forecast (a no-move forecast counts half)
 * @param intervalCoverage    share of scored points inside their prediction interval
 * @param intervalLevel       the intervals' nominal level
 * @param meanBlendWeight     mean blend weight of the scored forecasts (the model's total weight in them)
 * @param modelVersion        model updates made by the end
 * @param pointsPerSecond     processing speed of this symbol's points
 * @param driftEventCount     drift events in the scored range
 * @param driftEvents         the drift events in the scored range (the first 10,000)
 */
public record SymbolSummary(@JsonProperty("symbol") String symbol,
                            @JsonProperty("points") long points,
                            @JsonProperty("ticks") long ticks,
                            @JsonProperty("bars") long bars,
                            @JsonProperty("late_ticks") long lateTicks,
                            @JsonProperty("duplicate_ticks") long duplicateTicks,
                            @JsonProperty("out_of_order_ticks") long outOfOrderTicks,
                            @JsonProperty("idle_restarts") long idleRestarts,
                            @JsonProperty("scored") long scored,
                            @JsonProperty("first_scored_ts") Long firstScoredTs,
                            @JsonProperty("last_scored_ts") Long lastScoredTs,
                            @JsonProperty("rmse") double rmse,
                            @JsonProperty("mae") double mae,
                            @JsonProperty("mape") double mape,
                            @JsonProperty("model_rmse") double modelRmse,
                            @JsonProperty("naive_rmse") double naiveRmse,
                            @JsonProperty("naive_mae") double naiveMae,
                            @JsonProperty("ewma_rmse") double ewmaRmse,
                            @JsonProperty("ar1_rmse") double ar1Rmse,
                            @JsonProperty("skill") double skill,
                            @JsonProperty("skill_vs_ar1") double skillVsAr1,
                            @JsonProperty("dm_vs_naive") DieboldMariano.Result dmVsNaive,
                            @JsonProperty("dm_vs_ar1") DieboldMariano.Result dmVsAr1,
                            @JsonProperty("directional_accuracy") double directionalAccuracy,
                            @JsonProperty("interval_coverage") double intervalCoverage,
                            @JsonProperty("interval_level") double intervalLevel,
                            @JsonProperty("mean_blend_weight") double meanBlendWeight,
                            @JsonProperty("model_version") long modelVersion,
                            @JsonProperty("points_per_second") double pointsPerSecond,
                            @JsonProperty("drift_event_count") long driftEventCount,
                            @JsonProperty("drift_events") List<DriftEvent> driftEvents) {

    /** @return how often the symbol started over, in words ("once", "3 times") */
    public String idleRestartsText() {
        return idleRestarts == 1 ? "once" : idleRestarts + " times";
    }
}
