package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.ForwardingForecaster;
import io.tickcast.model.OnlineForecaster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolPipelineBehaviourTest {
    private static final String SYMBOL = "BTC-USD";
    private static final ForecasterSpec SPEC = new ForecasterSpec("test", FeatureExtractor.FEATURES, 0, 0, 1, 1,
            0.05, 3L);
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults().withForecaster(SPEC);

    /** Cumulative RMSEs and coverage computed from the per-point reports, as the backtest does. */
    private record Totals(double rmse, double naiveRmse, double ar1Rmse, double coverage, List<DriftEvent> events) {
    }

    private static Totals run(PipelineSettings settings, ForecasterFactory factory, List<Point> points) {
        double se = 0;
        double naiveSe = 0;
        double ar1Se = 0;
        int n = 0;
        int covered = 0;
        int intervals = 0;
        List<DriftEvent> events = new ArrayList<>();
        try (SymbolPipeline pipeline = SymbolPipeline.create(SYMBOL, settings, factory)) {
            for (Point p : points) {
                PointOutcome o = pipeline.process(p);
                events.addAll(o.driftEvents());
                QualityReport q = o.quality();
                if (q == null) {
                    continue;
                }
                se += q.absError() * q.absError();
                naiveSe += q.naiveAbsError() * q.naiveAbsError();
                ar1Se += q.ar1AbsError() * q.ar1AbsError();
                n++;
                if (q.covered() != null) {
                    intervals++;
                    covered += q.covered() ? 1 : 0;
                }
            }
        }
        return new Totals(Math.sqrt(se / n), Math.sqrt(naiveSe / n), Math.sqrt(ar1Se / n),
                (double) covered / intervals, events);
    }

    private static ForecasterFactory noise(List<NoiseTestForecaster> made) {
        return ForecasterFactory.of(spec -> {
            NoiseTestForecaster f = new NoiseTestForecaster(spec.seed(), 0.5, 1.0);
            made.add(f);
            return f;
        }, bytes -> {
            throw new UnsupportedOperationException();
        });
    }

    @Test
    void shouldLeanOnTheNaiveForecastWhenTheModelHasNoSkill() {
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 5000, 0, 0.001, 21L);

        Totals totals = run(SETTINGS, noise(new ArrayList<>()), points);
        Totals unblended = run(SETTINGS.withBlend(new BlendSettings(false, 0.995, 50, 1.0, false, false,
                Combiner.ADAHEDGE)), noise(new ArrayList<>()),
                points);

        assertThat(totals.rmse()).isLessThanOrEqualTo(1.02 * totals.naiveRmse());
        assertThat(unblended.rmse()).isGreaterThan(1.2 * unblended.naiveRmse());
    }

    @Test
    void shouldBeatTheNaiveForecastWhenReturnsAreAutocorrelated() {
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 5000, -0.3, 0.001, 22L);

        Totals totals = run(SETTINGS, LinearTestForecaster.factory(), points);

        assertThat(totals.rmse()).isLessThan(0.98 * totals.naiveRmse());
    }

    @Test
    void shouldCombineTowardTheAr1BaselineWhenItBeatsAModelWithoutSkill() {
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 5000, -0.3, 0.001, 25L);
        BlendSettings b = SETTINGS.blend();

        Totals combined = run(SETTINGS, noise(new ArrayList<>()), points);
        Totals blendOnly = run(SETTINGS.withBlend(new BlendSettings(true, b.fadingFactor(), b.minPoints(),
                b.confidence(), false, false, b.combiner())), noise(new ArrayList<>()), points);

        assertThat(combined.rmse()).isLessThanOrEqualTo(1.01 * combined.ar1Rmse());
        assertThat(blendOnly.rmse()).isGreaterThan(1.03 * blendOnly.ar1Rmse());
    }

    @Test
    void shouldCoverAboutTheNominalShareOfPointsWithNinetyPercentIntervals() {
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 8000, 0, 0.001, 23L);

        Totals totals = run(SETTINGS, LinearTestForecaster.factory(), points);

        assertThat(totals.coverage()).isBetween(0.87, 0.93);
    }

    @Test
    void shouldStartAndLaterRecoverAResidualDriftAfterAVarianceShift() {
        List<Point> points = SyntheticPrices.varianceShift(SYMBOL, 6000, 3000, 0.001, 4, 24L);
        long changeTs = points.get(3000).ts();

        Totals totals = run(SETTINGS, LinearTestForecaster.factory(), points);

        List<DriftEvent> residual = totals.events().stream()
                .filter(e -> e.signal() == DriftSignal.RESIDUAL && e.ts() >= changeTs).toList();
        assertThat(residual).extracting(DriftEvent::phase).contains(DriftPhase.STARTED, DriftPhase.RECOVERED);
        DriftEvent started = residual.stream().filter(e -> e.phase() == DriftPhase.STARTED).findFirst().orElseThrow();
        assertThat(started.ts() - changeTs).isLessThan(300 * 60_000L);
        assertThat(started.statistic()).isGreaterThan(started.threshold());
    }

    @Test
    void shouldBoostTheLearningRateOnDriftAndRestoreItAfterTheConfiguredPoints() {
        List<NoiseTestForecaster> made = new ArrayList<>();
        PipelineSettings settings = SETTINGS.withResponse(new ResponseSettings(DriftResponse.BOOST_LEARNING_RATE,
                DriftTrigger.ANY, "any", 3.0, 100, 500, 500));

        run(settings, noise(made), SyntheticPrices.varianceShift(SYMBOL, 4000, 2000, 0.001, 4, 25L));

        NoiseTestForecaster model = made.get(0);
        assertThat(model.calls).containsSubsequence("scaleLearningRate(3.0)", "scaleLearningRate(1.0)");
        for (int i = 0; i < model.calls.size(); i++) {
            if (model.calls.get(i).equals("scaleLearningRate(1.0)")) {
                assertThat(model.calls.get(i - 1)).isEqualTo("scaleLearningRate(3.0)");
                assertThat(model.scaledAfter.get(i) - model.scaledAfter.get(i - 1))
                        .as("points boosted (drift.response.boost.points)").isEqualTo(100);
            }
        }
    }

    @Test
    void shouldResetTheForecasterStateOnDrift() {
        List<NoiseTestForecaster> made = new ArrayList<>();
        PipelineSettings settings = SETTINGS.withResponse(new ResponseSettings(DriftResponse.RESET_STATE,
                DriftTrigger.ANY, "any", 3.0, 100, 500, 500));

        run(settings, noise(made), SyntheticPrices.varianceShift(SYMBOL, 4000, 2000, 0.001, 4, 26L));

        assertThat(made.get(0).calls).contains("resetState");
    }

    @Test
    void shouldPromoteAChallengerThatBeatsABiasedIncumbent() {
        List<OnlineForecaster> made = new ArrayList<>();
        ForecasterFactory factory = ForecasterFactory.of(spec -> {
            OnlineForecaster f = spec.seed() == SPEC.seed()
                    ? new NoiseTestForecaster(1L, 2.0, 0.1) : new LinearTestForecaster(spec);
            made.add(f);
            return f;
        }, LinearTestForecaster::restore);
        PipelineSettings settings = SETTINGS.withResponse(new ResponseSettings(DriftResponse.CHALLENGER,
                DriftTrigger.ANY, "any", 3.0, 100, 500, 200));

        try (SymbolPipeline pipeline = SymbolPipeline.create(SYMBOL, settings, factory)) {
            SyntheticPrices.varianceShift(SYMBOL, 4000, 2000, 0.001, 4, 27L).forEach(pipeline::process);

            assertThat(made).hasSizeGreaterThanOrEqualTo(2);
            assertThat(((NoiseTestForecaster) made.get(0)).calls)
                    .as("the incumbent, closed on its replacement while the pipeline still runs")
                    .containsExactly("close");
            assertThat(made.subList(1, made.size())).as("a challenger in use")
                    .anySatisfy(f -> assertThat(((LinearTestForecaster) f).calls).doesNotContain("close"));
        }
    }

    /** A {@link LinearTestForecaster} whose snapshots (the rollback checkpoints here) note the point in process. */
    private static final class Checkpointed extends ForwardingForecaster {
        private final int[] point;
        private final List<Integer> snapshotsAt;
        private final List<byte[]> snapshots;

        Checkpointed(LinearTestForecaster delegate, int[] point, List<Integer> snapshotsAt, List<byte[]> snapshots) {
            super(delegate);
            this.point = point;
            this.snapshotsAt = snapshotsAt;
            this.snapshots = snapshots;
        }

        @Override
        public byte[] snapshot() {
            byte[] bytes = super.snapshot();
            snapshotsAt.add(point[0]);
            snapshots.add(bytes);
            return bytes;
        }
    }

    /** AR(1) returns of coefficient -0.3, then from point 2000 of +0.3 and four times the volatility. */
    private static List<Point> reversionThenMomentum() {
        java.util.Random random = new java.util.Random(28L);
        List<Point> points = new ArrayList<>();
        double logPrice = Math.log(30_000);
        double r = 0;
        for (int i = 0; i < 4000; i++) {
            r = (i < 2000 ? -0.3 : 0.3) * r + (i < 2000 ? 0.001 : 0.004) * random.nextGaussian();
            logPrice += r;
            points.add(new Point(SYMBOL, 1_700_000_000_000L + 60_000L * i, Math.exp(logPrice), 1.0, 0));
        }
        return points;
    }

    @Test
    void shouldRollBackToACheckpointTakenWhileTheModelWasNoWorseThanNaiveAndNotDrifting() {
        int[] point = {0};
        List<Integer> snapshotsAt = new ArrayList<>();
        List<byte[]> snapshots = new ArrayList<>();
        List<Integer> restoredFrom = new ArrayList<>();
        List<LinearTestForecaster> made = new ArrayList<>();
        ForecasterFactory factory = ForecasterFactory.of(spec -> {
            made.add(new LinearTestForecaster(spec));
            return new Checkpointed(made.get(made.size() - 1), point, snapshotsAt, snapshots);
        }, bytes -> {
            for (int k = 0; k < snapshots.size(); k++) {
                if (java.util.Arrays.equals(snapshots.get(k), bytes)) {
                    restoredFrom.add(snapshotsAt.get(k));
                }
            }
            made.add(LinearTestForecaster.restore(bytes));
            return new Checkpointed(made.get(made.size() - 1), point, snapshotsAt, snapshots);
        });
        BlendSettings b = SETTINGS.blend();
        // no blend: the model's own forecast is emitted, better than naive on mean-reverting returns, worse for a
        // while once they turn to momentum
        PipelineSettings settings = SETTINGS.withResponse(new ResponseSettings(DriftResponse.ROLLBACK,
                DriftTrigger.ANY, "any", 3.0, 100, 200, 500)).withBlend(new BlendSettings(false, b.fadingFactor(),
                b.minPoints(), b.confidence(), false, false, b.combiner()));
        List<QualityReport> reports = new ArrayList<>();
        try (SymbolPipeline pipeline = SymbolPipeline.create(SYMBOL, settings, factory)) {
            for (Point p : reversionThenMomentum()) {
                reports.add(pipeline.process(p).quality());
                point[0]++;
            }
            assertThat(made).as("each rollback replaces the model in use by the restored checkpoint")
                    .hasSize(restoredFrom.size() + 1);
            assertThat(made.subList(0, made.size() - 1)).allSatisfy(f -> assertThat(f.calls).contains("close"));
            assertThat(made.get(made.size() - 1).calls).doesNotContain("close");
        }

        assertThat(reports.subList(1, reports.size())).as("sometimes worse than naive, so the check can fail")
                .anyMatch(q -> q.fading().rmse() > q.naiveFading().rmse());
        assertThat(restoredFrom).as("rollbacks to a checkpoint").isNotEmpty();
        assertThat(snapshotsAt).isNotEmpty().allSatisfy(at -> {
            QualityReport q = reports.get(at);
            assertThat(q.fading().rmse()).as("RMSE at checkpoint point %d", at)
                    .isLessThanOrEqualTo(q.naiveFading().rmse());
            assertThat(q.detectors()).filteredOn(d -> d.signal() == DriftSignal.RESIDUAL)
                    .as("residual detectors at checkpoint point %d", at).noneMatch(DetectorStatus::drifting);
        });
    }
}
