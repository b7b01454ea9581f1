package io.tickcast.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private static double[] shift(int n, int change, double before, double after, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i < change ? before : after) + random.nextGaussian();
        }
        return x;
    }

    private static List<Integer> detections(DriftDetector detector, double[] stream) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            if (detector.update(stream[i])) {
                at.add(i);
            }
        }
        return at;
    }

    private static List<Supplier<DriftDetector>> detectors() {
        return List.of(() -> new PageHinkley(0.005, 50, 0.9999, 30), () -> new Adwin(0.002),
                () -> new Kswin(0.005, 100, 30, 1L));
    }

    @Test
    void shouldDetectAnUpwardMeanShiftSoonAfterItHappens() {
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector detector = make.get();
            List<Integer> at = detections(detector, shift(3000, 2000, 0, 1.5, 3L));

            assertThat(at).as(detector.name()).anyMatch(i -> i >= 2000 && i < 2200);
        }
    }

    @Test
    void shouldDetectADownwardMeanShiftWithTheTwoSidedPageHinkleyTest() {
        List<Integer> at = detections(new PageHinkley(0.005, 50, 0.9999, 30), shift(3000, 2000, 0, -1.5, 4L));

        assertThat(at).anyMatch(i -> i >= 2000 && i < 2200);
    }

    @Test
    void shouldReportAStatisticAboveItsThresholdAtADetection() {
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector detector = make.get();
            double[] stream = shift(3000, 2000, 0, 2, 5L);
            for (double v : stream) {
                if (detector.update(v)) {
                    assertThat(detector.statistic()).as(detector.name()).isGreaterThan(detector.threshold());
                    break;
                }
            }
        }
    }

    @Test
    void shouldNotDeclareAChangeBeforeTheMinimumNumberOfPoints() {
        PageHinkley ph = new PageHinkley(0.005, 1, 1, 30);
        for (int i = 0; i < 29; i++) {
            assertThat(ph.update(i % 2 == 0 ? 100 : -100)).isFalse();
        }
    }

    @Test
    void shouldKeepTheWholeStationaryStreamInTheAdwinWindow() {
        Adwin adwin = new Adwin(0.002);
        double[] stream = shift(20_000, 20_000, 0, 0, 6L);

        assertThat(detections(adwin, stream)).isEmpty();
        assertThat(adwin.width()).isEqualTo(20_000);
    }

    @Test
    void shouldShrinkTheAdwinWindowToTheNewConceptAfterAShift() {
        Adwin adwin = new Adwin(0.002);
        detections(adwin, shift(6000, 4000, 0, 1, 7L));

        assertThat(adwin.width()).isLessThan(2100);
    }

    @Test
    void shouldComputeTheTwoSampleKolmogorovSmirnovStatistic() {
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isZero();
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isEqualTo(1.0);
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
    }

    @Test
    void shouldRejectParametersOutsideTheirRange() {
        assertThatThrownBy(() -> new PageHinkley(0.005, 0, 0.9999, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adwin(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Kswin(0.005, 50, 30, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldContinueIdenticallyAfterWritingAndReadingItsState() throws IOException {
        double[] stream = shift(8000, 4000, 0, 1, 8L);
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector original = make.get();
            List<Integer> expected = detections(make.get(), stream);
            for (int i = 0; i < 3000; i++) {
                original.update(stream[i]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeState(new DataOutputStream(bytes));
            DriftDetector copy = make.get();
            copy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            List<Integer> resumed = new ArrayList<>(expected.stream().filter(i -> i < 3000).toList());
            for (int i = 3000; i < stream.length; i++) {
                if (copy.update(stream[i])) {
                    resumed.add(i);
                }
            }

            assertThat(resumed).as(original.name()).isEqualTo(expected);
        }
    }
}
