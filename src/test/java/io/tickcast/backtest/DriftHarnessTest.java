package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.backtest.DriftHarness.Result;
import io.tickcast.backtest.DriftHarness.Transform;
import io.tickcast.quality.DriftDetector;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class DriftHarnessTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final List<LongFunction<DriftDetector>> DETECTORS = DriftHarness.defaultDetectors();
    private static final LongFunction<DriftDetector> PAGE_HINKLEY = DETECTORS.get(0);
    private static final LongFunction<DriftDetector> ADWIN = DETECTORS.get(1);
    private static final LongFunction<DriftDetector> KSWIN = DETECTORS.get(2);

    private static Result run(LongFunction<DriftDetector> detector, DriftScenario scenario, Transform transform) {
        return DriftHarness.evaluate(detector, scenario, transform, SEEDS);
    }

    @Test
    void shouldRaiseNoFalseAlarmWithAdwinOnAStreamWithoutDrift() {
        assertThat(run(ADWIN, DriftScenario.NO_DRIFT, Transform.VALUE).falseAlarms()).isZero();
        assertThat(run(ADWIN, DriftScenario.NO_DRIFT, Transform.ABSOLUTE).falseAlarms()).isZero();
    }

    @Test
    void shouldKeepFalseAlarmRatesOfPageHinkleyAndKswinBounded() {
        assertThat(run(PAGE_HINKLEY, DriftScenario.NO_DRIFT, Transform.VALUE).falseAlarmsPer10k()).isLessThan(12);
        assertThat(run(PAGE_HINKLEY, DriftScenario.NO_DRIFT, Transform.ABSOLUTE).falseAlarmsPer10k()).isLessThan(5);
        assertThat(run(KSWIN, DriftScenario.NO_DRIFT, Transform.VALUE).falseAlarmsPer10k()).isBetween(10.0, 45.0);
    }

    @Test
    void shouldDetectEveryMeanShiftQuicklyWithEachDetector() {
        for (LongFunction<DriftDetector> detector : DETECTORS) {
            Result r = run(detector, DriftScenario.MEAN_SHIFT, Transform.VALUE);

            assertThat(r.missed()).as(r.detector()).isZero();
            assertThat(r.medianDelay()).as(r.detector()).isLessThan(100);
        }
    }

    @Test
    void shouldDetectVarianceShiftsOnTheResidualSignalWithEachDetector() {
        for (LongFunction<DriftDetector> detector : DETECTORS) {
            Result r = run(detector, DriftScenario.VARIANCE_SHIFT, Transform.ABSOLUTE);

            assertThat(r.missed()).as(r.detector()).isZero();
            assertThat(r.medianDelay()).as(r.detector()).isLessThan(60);
        }
    }

    @Test
    void shouldMissVarianceShiftsOfTheRawSignalWithAdwinButNotWithKswin() {
        assertThat(run(ADWIN, DriftScenario.VARIANCE_SHIFT, Transform.VALUE).missed()).isGreaterThan(5);
        assertThat(run(KSWIN, DriftScenario.VARIANCE_SHIFT, Transform.VALUE).missed()).isZero();
    }

    @Test
    void shouldDetectGradualTrendBreaksAndRegimeSwitches() {
        assertThat(run(KSWIN, DriftScenario.TREND_BREAK, Transform.VALUE).missed()).isZero();
        assertThat(run(ADWIN, DriftScenario.TREND_BREAK, Transform.VALUE).missed()).isLessThanOrEqualTo(1);
        assertThat(run(ADWIN, DriftScenario.REGIME_SWITCH, Transform.ABSOLUTE).missed()).isZero();
        assertThat(run(ADWIN, DriftScenario.REGIME_SWITCH, Transform.ABSOLUTE).medianDelay()).isLessThan(100);
    }

    @Test
    void shouldRenderOneTableRowPerDetectorScenarioAndSignal() {
        String table = DriftHarness.markdown(List.of(run(ADWIN, DriftScenario.MEAN_SHIFT, Transform.VALUE)), SEEDS);

        assertThat(table).contains("| value (input) | mean_shift | adwin | 15 | 15 | 0 |");
    }
}
