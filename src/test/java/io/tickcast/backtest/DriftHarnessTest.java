package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tickcast.backtest.DriftHarness.Result;
import io.tickcast.backtest.DriftHarness.Transform;
import io.tickcast.quality.DriftDetector;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class DriftHarnessTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final List<LongFunction<DriftDetector>> DETECTORS = DriftHarness.defaultDetectors();
    private static final LongFunction<DriftDetector> PAGE_HINKLEY = DETECTORS.get(0);
    private static final LongFunction<DriftDetector> ADWIN = DETECTORS.get(1);
    private static final LongFunction<DriftDetector> KSWIN = DETECTORS.get(2);

    /**
     * How far below chance a median delay bound must lie: a detector that ignores its input and fires at rate p
     * has delays P(d ≤ m) = 1 − (1 − p)^(m+1), so a third of its median delay is reached with probability
     * 1 − 2^(−1/3) ≈ 0.21 per change point, and the median of 15 change points (5 seeds × 3) falls below it
     * with probability P(Bin(15, 0.21) ≥ 8) ≈ 0.005, whatever p. (KSWIN's own alarms are a little more regular,
     * as it restarts with 70 untested points: its median delay to a change point placed in a stream without
     * drift is 229 and 212 points on the two signals, 600 change points each, still above 3 × its bounds.)
     */
    private static final double BELOW_CHANCE = 3;

    /**
     * A detection claim: {@code detector} on {@code scenario} fed as {@code transform} misses at most
     * {@code maxMissed} changes and has a median delay below {@code medianBound} (measured with {@link #SEEDS}:
     * see the comment on each).
     */
    private record Claim(LongFunction<DriftDetector> detector, DriftScenario scenario, Transform transform,
                         int maxMissed, double medianBound) {
    }

    private static final List<Claim> CLAIMS = List.of(
            // abrupt mean shifts, raw signal: median 33 (Page-Hinkley), 47 (ADWIN), 22 (KSWIN)
            new Claim(PAGE_HINKLEY, DriftScenario.MEAN_SHIFT, Transform.VALUE, 0, 70),
            new Claim(ADWIN, DriftScenario.MEAN_SHIFT, Transform.VALUE, 0, 70),
            new Claim(KSWIN, DriftScenario.MEAN_SHIFT, Transform.VALUE, 0, 70),
            // variance shifts, residual signal: median 19 (Page-Hinkley), 16 (ADWIN), 20 (KSWIN)
            new Claim(PAGE_HINKLEY, DriftScenario.VARIANCE_SHIFT, Transform.ABSOLUTE, 0, 60),
            new Claim(ADWIN, DriftScenario.VARIANCE_SHIFT, Transform.ABSOLUTE, 0, 60),
            new Claim(KSWIN, DriftScenario.VARIANCE_SHIFT, Transform.ABSOLUTE, 0, 60),
            // variance shifts, raw signal: KSWIN median 47 (ADWIN misses most: see below)
            new Claim(KSWIN, DriftScenario.VARIANCE_SHIFT, Transform.VALUE, 0, 70),
            // gradual trend breaks: ADWIN misses 0, median 164 (no false alarm, so chance would never detect)
            new Claim(ADWIN, DriftScenario.TREND_BREAK, Transform.VALUE, 1, 400),
            // regime switches, residual signal: ADWIN median 34
            new Claim(ADWIN, DriftScenario.REGIME_SWITCH, Transform.ABSOLUTE, 0, 100));

    /** A detector that ignores its input and fires with probability {@code rate} per point. */
    private static LongFunction<DriftDetector> blind(double rate) {
        return seed -> new DriftDetector() {
            final Random random = new Random(seed);

            public String name() {
                return "blind";
            }

            public boolean update(double v) {
                return random.nextDouble() < rate;
            }

            public double statistic() {
                return 0;
            }

            public double threshold() {
                return 1;
            }

            public void writeState(DataOutput out) {
            }

            public void readState(DataInput in) {
            }
        };
    }

    private static Result run(LongFunction<DriftDetector> detector, DriftScenario scenario, Transform transform) {
        return DriftHarness.evaluate(detector, scenario, transform, SEEDS);
    }

    /**
     * Asserts that {@code r} tells the changes from chance: at most {@code maxMissed} missed, a median delay
     * below {@code medianBound}, and that bound at most a {@link #BELOW_CHANCE}th of the median delay of a
     * detector that ignores its input and fires at r's false-alarm rate (so firing more often does not help).
     */
    private static void assertDetectsBeyondChance(Result r, int maxMissed, double medianBound) {
        String what = r.detector() + " on " + r.scenario() + " " + r.transform();
        assertThat(r.missed()).as(what + ": missed").isLessThanOrEqualTo(maxMissed);
        assertThat(r.medianDelay()).as(what + ": median delay").isLessThan(medianBound);
        assertThat(r.chanceMedianDelay()).as(what + ": median delay by chance")
                .isGreaterThanOrEqualTo(BELOW_CHANCE * medianBound);
    }

    private static void assertClaim(Claim c, LongFunction<DriftDetector> detector) {
        assertDetectsBeyondChance(run(detector, c.scenario(), c.transform()), c.maxMissed(), c.medianBound());
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
    void shouldDetectEveryClaimedChangeSoonerThanChance() {
        for (Claim c : CLAIMS) {
            assertClaim(c, c.detector());
        }
    }

    @Test
    void shouldFailEveryClaimWithADetectorThatIgnoresItsInput() {
        // at KSWIN's false-alarm rate (0.0027: it catches every 2,000-point window, with a median delay of 256),
        // at Page-Hinkley's on the raw signal (0.0006) and firing four times as often (0.01: median delay 69)
        for (double rate : new double[] {0.0027, 0.0006, 0.01}) {
            for (Claim c : CLAIMS) {
                assertThat(catchThrowable(() -> assertClaim(c, blind(rate))))
                        .as("blind at %s on %s %s", rate, c.scenario(), c.transform())
                        .isInstanceOf(AssertionError.class);
            }
        }
        Result blind = run(blind(0.0027), DriftScenario.VARIANCE_SHIFT, Transform.VALUE);
        assertThat(blind.missed()).as("a missed-changes count alone cannot tell it").isZero();
        assertThat(blind.medianDelay()).isGreaterThan(200);
    }

    @Test
    void shouldMissVarianceShiftsOfTheRawSignalWithAdwin() {
        assertThat(run(ADWIN, DriftScenario.VARIANCE_SHIFT, Transform.VALUE).missed()).isGreaterThan(5);
    }

    @Test
    void shouldNotTellKswinOnGradualTrendBreaksFromChance() {
        // KSWIN compares values at most 100 points apart, over which the trend moves the mean by 0.05 σ: its
        // detections are its false alarms (median delay 226 and 134 points, chance 247 and 256; DRIFT.md)
        for (Transform transform : Transform.values()) {
            Result r = run(KSWIN, DriftScenario.TREND_BREAK, transform);

            assertThat(r.missed()).isZero();
            assertThat(r.medianDelay()).as(transform.name()).isGreaterThan(r.chanceMedianDelay() / BELOW_CHANCE);
        }
    }

    @Test
    void shouldRenderOneTableRowPerDetectorScenarioAndSignal() {
        String table = DriftHarness.markdown(List.of(run(ADWIN, DriftScenario.MEAN_SHIFT, Transform.VALUE)), SEEDS);

        assertThat(table).contains("| value (input) | mean_shift | adwin | 15 | 15 | 0 |");
    }
}
