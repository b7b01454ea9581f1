package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A monitor's state is found by detector and signal: other detectors enabled at restore keep or start fresh. */
class DriftMonitorStateTest {

    private static DetectorSettings settings(boolean residuals, boolean inputs, boolean kswin) {
        DetectorSettings d = DetectorSettings.defaults();
        return new DetectorSettings(residuals, inputs, d.pageHinkley(), d.phDelta(), d.phLambda(), d.phAlpha(),
                d.phMinPoints(), d.adwin(), d.adwinDelta(), kswin, d.kswinAlpha(), d.kswinWindow(),
                d.kswinStatSize(), d.cooldown(), d.seed());
    }

    /** Feeds both signals points [from, to) of a seeded series whose variance triples at 700. */
    private static List<DriftEvent> feed(DriftMonitor monitor, int from, int to) {
        Random random = new Random(11);
        List<DriftEvent> events = new ArrayList<>();
        for (int i = 0; i < to; i++) {
            double residual = Math.abs(random.nextGaussian()) * (i < 700 ? 1 : 3);
            double input = random.nextGaussian() * (i < 700 ? 1 : 3);
            if (i >= from) {
                monitor.update("BTC", i, DriftSignal.RESIDUAL, residual, events);
                monitor.update("BTC", i, DriftSignal.INPUT, input, events);
            }
        }
        return events;
    }

    private static DriftMonitor restored(DriftMonitor from, DetectorSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        from.writeState(new DataOutputStream(bytes));
        DriftMonitor to = new DriftMonitor(settings);
        to.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return to;
    }

    @Test
    void shouldContinueEveryDetectorItStillHasWhenOneIsTurnedOff() throws IOException {
        DriftMonitor all = new DriftMonitor(settings(true, true, true));
        feed(all, 0, 500);
        DriftMonitor withoutKswin = restored(all, settings(true, true, false));
        DriftMonitor reference = new DriftMonitor(settings(true, true, false));
        feed(reference, 0, 500);

        List<DriftEvent> continued = feed(withoutKswin, 500, 1_500);

        assertThat(continued).isNotEmpty().isEqualTo(feed(reference, 500, 1_500));
        assertThat(withoutKswin.statuses()).isEqualTo(reference.statuses());
    }

    @Test
    void shouldStartAnEnabledDetectorFreshWhenTheSnapshotHasNoStateForIt() throws IOException {
        DriftMonitor residualsOnly = new DriftMonitor(settings(true, false, true));
        feed(residualsOnly, 0, 900);
        DriftMonitor inputsOnly = restored(residualsOnly, settings(false, true, true));

        DriftMonitor fresh = new DriftMonitor(settings(false, true, true));
        List<DriftEvent> expected = new ArrayList<>();
        List<DriftEvent> actual = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 600; i++) {
            double x = random.nextGaussian() * (i < 300 ? 1 : 4);
            fresh.update("BTC", i, DriftSignal.INPUT, x, expected);
            inputsOnly.update("BTC", i, DriftSignal.INPUT, x, actual);
        }
        // the per-signal point counts are kept, so the lifecycle's indices are not those of a fresh monitor
        assertThat(actual).extracting(DriftEvent::detector, DriftEvent::phase, DriftEvent::statistic)
                .isEqualTo(expected.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.detector(), e.phase(),
                        e.statistic())).toList());
        assertThat(inputsOnly.statuses()).isEqualTo(fresh.statuses());
    }

    @Test
    void shouldContinueAFormat2SnapshotBitForBit() throws IOException {
        // written by the build before the detectors were keyed: 600 points of a variance shift at 400
        byte[] v2;
        try (InputStream in = getClass().getResourceAsStream("/snapshots/pipeline-v2-linear-600.bin")) {
            v2 = in.readAllBytes();
        }
        List<Point> points = SyntheticPrices.varianceShift("BTC-USD", 1200, 400, 0.001, 3, 5L);
        PipelineSettings settings = PipelineSettings.defaults().withForecaster(
                new io.tickcast.model.ForecasterSpec("test", FeatureExtractor.FEATURES, 0, 0, 1, 1, 0.05, 3L));
        List<PointOutcome> uninterrupted = new ArrayList<>();
        List<PointOutcome> restored = new ArrayList<>();
        try (SymbolPipeline p = SymbolPipeline.create("BTC-USD", settings, LinearTestForecaster.factory());
             SymbolPipeline q = SymbolPipeline.restore(v2, settings, LinearTestForecaster.factory())) {
            for (int i = 0; i < points.size(); i++) {
                PointOutcome o = p.process(points.get(i));
                if (i >= 600) {
                    uninterrupted.add(o);
                    restored.add(q.process(points.get(i)));
                }
            }
        }

        assertThat(restored).isEqualTo(uninterrupted);
        assertThat(restored.stream().mapToInt(o -> o.driftEvents().size()).sum()).as("detectors at work").isPositive();
    }
}
