package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.model.ForecasterSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolPipelineTest {
    private static final String SYMBOL = "BTC-USD";
    private static final ForecasterSpec SPEC = new ForecasterSpec("test", FeatureExtractor.FEATURES, 0, 0, 1, 1,
            0.05, 3L);
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults().withForecaster(SPEC);

    private static List<PointOutcome> run(PipelineSettings settings, List<Point> points) {
        try (SymbolPipeline pipeline = SymbolPipeline.create(SYMBOL, settings, LinearTestForecaster.factory())) {
            List<PointOutcome> outcomes = new ArrayList<>();
            for (Point p : points) {
                outcomes.add(pipeline.process(p));
            }
            return outcomes;
        }
    }

    @Test
    void shouldReportEveryDetectorAsItIsAfterThePointInTheSameReport() {
        int checked = 0;
        for (PointOutcome o : run(SETTINGS, SyntheticPrices.varianceShift(SYMBOL, 3000, 1500, 0.001, 3, 5L))) {
            for (DriftEvent e : o.driftEvents()) {
                if (e.phase() == DriftPhase.STARTED) {
                    assertThat(o.quality().detectors()).as("%s on %s STARTED at %d", e.detector(), e.signal(), e.ts())
                            .anyMatch(d -> d.signal() == e.signal() && d.detector().equals(e.detector())
                                    && d.drifting() && d.statistic() == e.statistic());
                    checked += e.signal() == DriftSignal.INPUT ? 1 : 0;
                }
            }
        }
        assertThat(checked).as("input drifts started").isPositive();
    }

    @Test
    void shouldNotChangeAnEmittedPredictionWhenFuturePointsAreAltered() {
        List<Point> original = SyntheticPrices.ar1Returns(SYMBOL, 600, -0.3, 0.001, 11L);
        int t = 400;
        List<Point> altered = new ArrayList<>(original.subList(0, t + 1));
        for (Point p : original.subList(t + 1, original.size())) {
            altered.add(new Point(SYMBOL, p.ts(), p.price() * 1.5, p.size(), p.ingestMs()));
        }

        List<PointOutcome> a = run(SETTINGS, original);
        List<PointOutcome> b = run(SETTINGS, altered);

        for (int i = 0; i <= t; i++) {
            assertThat(b.get(i)).isEqualTo(a.get(i));
        }
        assertThat(b.get(t + 1).quality()).isNotEqualTo(a.get(t + 1).quality());
    }

    @Test
    void shouldEmitTheNaiveForecastWithoutQualityOnTheFirstPoint() {
        PointOutcome first = run(SETTINGS, SyntheticPrices.ar1Returns(SYMBOL, 1, 0, 0.001, 1L)).get(0);

        assertThat(first.quality()).isNull();
        assertThat(first.prediction().predictedPrice()).isEqualTo(first.prediction().price());
        assertThat(first.prediction().naivePrice()).isEqualTo(first.prediction().price());
        assertThat(first.prediction().lower()).isNull();
        assertThat(first.prediction().modelVersion()).isZero();
    }

    @Test
    void shouldCountOneModelUpdatePerPointFromTheThirdPoint() {
        List<PointOutcome> outcomes = run(SETTINGS, SyntheticPrices.ar1Returns(SYMBOL, 50, 0, 0.001, 2L));

        assertThat(outcomes.get(49).prediction().modelVersion()).isEqualTo(48);
    }

    @Test
    void shouldContinueBitForBitAfterSnapshotAndRestore() {
        List<Point> points = SyntheticPrices.varianceShift(SYMBOL, 3000, 1500, 0.001, 4, 5L);
        for (DriftResponse response : DriftResponse.values()) {
            PipelineSettings settings = SETTINGS.withResponse(new ResponseSettings(response, DriftTrigger.ANY, "any",
                    3.0, 100, 200, 300));
            List<PointOutcome> uninterrupted = run(settings, points);

            assertThat(restoredAt(1600, settings, points)).as(response.name()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void shouldContinueBitForBitAfterSnapshotAndRestoreWithTheMlPolyCombiner() {
        List<Point> points = SyntheticPrices.varianceShift(SYMBOL, 3000, 1500, 0.001, 4, 5L);
        PipelineSettings settings = SETTINGS.withBlend(SETTINGS.blend().withCombiner(Combiner.MLPOLY));
        List<PointOutcome> uninterrupted = run(settings, points);

        assertThat(restoredAt(1600, settings, points)).isEqualTo(uninterrupted);
        assertThat(uninterrupted.get(2999).prediction())
                .isNotEqualTo(run(SETTINGS, points).get(2999).prediction());
    }

    @Test
    void shouldRejectASnapshotMadeWithAnotherCombiner() {
        byte[] snapshot = snapshotAfter(10);
        PipelineSettings other = SETTINGS.withBlend(SETTINGS.blend().withCombiner(Combiner.MLPOLY));

        assertThatThrownBy(() -> SymbolPipeline.restore(snapshot, other, LinearTestForecaster.factory()))
                .isInstanceOf(PipelineSnapshotException.class)
                .hasMessageContaining("ML-Poly");
    }

    @Test
    void shouldRestoreAVersionOneSnapshotWithoutTheCombination() {
        BlendSettings b = SETTINGS.blend();
        PipelineSettings settings = SETTINGS.withBlend(new BlendSettings(true, b.fadingFactor(), b.minPoints(),
                b.confidence(), false, false, b.combiner()));
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 600, -0.3, 0.001, 13L);
        List<PointOutcome> uninterrupted = run(settings, points);
        List<PointOutcome> resumed = new ArrayList<>(run(settings, points.subList(0, 300)));
        // a version 2 snapshot of those 300 points (written by the build before version 3), less its combination
        byte[] snapshot = versionOne(fixture("/snapshots/pipeline-v2-linear-ar1-300-without-combination.bin"));
        try (SymbolPipeline second = SymbolPipeline.restore(snapshot, settings, LinearTestForecaster.factory())) {
            for (Point p : points.subList(300, points.size())) {
                resumed.add(second.process(p));
            }
        }

        assertThat(resumed).isEqualTo(uninterrupted);
        assertThatThrownBy(() -> SymbolPipeline.restore(withVersion(snapshot, 4), settings,
                LinearTestForecaster.factory()))
                .isInstanceOf(PipelineSnapshotException.class)
                .hasMessageContaining("unsupported pipeline snapshot version 4");
    }

    private static byte[] fixture(String resource) {
        try (java.io.InputStream in = SymbolPipelineTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The version-1 layout: version 2 without the combination's state, which version 2 appends at the end. */
    private static byte[] versionOne(byte[] snapshot) {
        int combination = Integer.BYTES + SymbolPipeline.CANDIDATES * 3 * Double.BYTES + Double.BYTES + 1;
        return withVersion(Arrays.copyOf(snapshot, snapshot.length - combination), 1);
    }

    private static byte[] withVersion(byte[] snapshot, int version) {
        byte[] copy = snapshot.clone();
        ByteBuffer.wrap(copy).putInt(Integer.BYTES, version);
        return copy;
    }

    @Test
    void shouldRejectBytesThatAreNotASnapshotWithAClearException() {
        assertThatThrownBy(() -> SymbolPipeline.restore(new byte[] {1, 2, 3, 4, 5}, SETTINGS,
                LinearTestForecaster.factory()))
                .isInstanceOf(PipelineSnapshotException.class)
                .hasMessageContaining("not a tickcast pipeline snapshot");
    }

    @Test
    void shouldRejectATruncatedSnapshot() {
        byte[] snapshot = snapshotAfter(100);
        byte[] truncated = Arrays.copyOf(snapshot, snapshot.length / 2);

        assertThatThrownBy(() -> SymbolPipeline.restore(truncated, SETTINGS, LinearTestForecaster.factory()))
                .isInstanceOf(PipelineSnapshotException.class)
                .hasMessageContaining("unreadable pipeline snapshot");
    }

    @Test
    void shouldRejectASnapshotMadeWithAnotherQualityWindow() {
        byte[] snapshot = snapshotAfter(10);
        QualitySettings q = SETTINGS.quality();
        PipelineSettings other = SETTINGS.withQuality(new QualitySettings(q.fadingFactor(), q.window() + 1,
                q.intervalLevel(), q.intervalWindow(), q.intervalMinScores(), q.intervalAdaptation(), q.ewmaAlpha(),
                q.ar1Forgetting()));

        assertThatThrownBy(() -> SymbolPipeline.restore(snapshot, other, LinearTestForecaster.factory()))
                .isInstanceOf(PipelineSnapshotException.class)
                .hasMessageContaining("window capacity");
    }

    @Test
    void shouldOfferTheContractConstructorAndFunctionFactories() {
        List<Point> points = SyntheticPrices.ar1Returns(SYMBOL, 300, 0, 0.001, 12L);
        List<PointOutcome> expected = run(SETTINGS, points);
        List<PointOutcome> actual = new ArrayList<>();
        byte[] snapshot;
        try (SymbolPipeline first = new SymbolPipeline(SYMBOL, SETTINGS, new LinearTestForecaster(SPEC))) {
            points.subList(0, 150).forEach(p -> actual.add(first.process(p)));
            snapshot = first.snapshot();
        }
        try (SymbolPipeline second = SymbolPipeline.restore(snapshot, SETTINGS, LinearTestForecaster::restore)) {
            points.subList(150, 300).forEach(p -> actual.add(second.process(p)));
            assertThat(second.modelVersion()).isEqualTo(298);
        }
        try (SymbolPipeline viaFunction = SymbolPipeline.create(SYMBOL, SETTINGS, LinearTestForecaster::new)) {
            assertThat(viaFunction.process(points.get(0))).isEqualTo(expected.get(0));
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAPointOfAnotherSymbol() {
        try (SymbolPipeline p = SymbolPipeline.create(SYMBOL, SETTINGS, LinearTestForecaster.factory())) {
            assertThatThrownBy(() -> p.process(new Point("ETH-USD", 0, 1, 1, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ETH-USD");
        }
    }

    /** The outcomes of a pipeline snapshotted after {@code at} points and restored to process the rest. */
    private static List<PointOutcome> restoredAt(int at, PipelineSettings settings, List<Point> points) {
        List<PointOutcome> outcomes = new ArrayList<>();
        byte[] snapshot;
        try (SymbolPipeline first = SymbolPipeline.create(SYMBOL, settings, LinearTestForecaster.factory())) {
            for (Point p : points.subList(0, at)) {
                outcomes.add(first.process(p));
            }
            snapshot = first.snapshot();
        }
        try (SymbolPipeline second = SymbolPipeline.restore(snapshot, settings, LinearTestForecaster.factory())) {
            for (Point p : points.subList(at, points.size())) {
                outcomes.add(second.process(p));
            }
        }
        return outcomes;
    }

    /** A snapshot of a pipeline with the default settings after {@code points} points of an AR(1) path. */
    private static byte[] snapshotAfter(int points) {
        try (SymbolPipeline p = SymbolPipeline.create(SYMBOL, SETTINGS, LinearTestForecaster.factory())) {
            SyntheticPrices.ar1Returns(SYMBOL, points, 0, 0.001, 3L).forEach(p::process);
            return p.snapshot();
        }
    }
}
